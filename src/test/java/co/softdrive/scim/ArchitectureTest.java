package co.softdrive.scim;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import jakarta.servlet.ServletContextListener;
import jakarta.ws.rs.ApplicationPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md ("Package map"), checked on the production classes:
 * what may import what, so that the picture there stays true.
 */
class ArchitectureTest {
  private static final String OURS = "co.softdrive.scim..";

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("co.softdrive.scim");
  }

  /** Every package is a slice of its own: protocol.filter and protocol.path are two. */
  @Test
  void noPackageCycles() {
    slices().matching("co.softdrive.scim.(**)").should().beFreeOfCycles().check(production);
  }

  @Test
  void protocolIsPlainJavaAndJsonP() {
    classes()
        .that()
        .resideInAPackage("co.softdrive.scim.protocol..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("co.softdrive.scim.protocol..", "java..", "jakarta.json..")
        .check(production);
  }

  @Test
  void persistenceImportsNothingElseOfOurs() {
    importsNothingOfOursOutside("co.softdrive.scim.persistence..");
  }

  @Test
  void platformImportsNothingElseOfOurs() {
    importsNothingOfOursOutside("co.softdrive.scim.platform..");
  }

  /**
   * Capabilities whose data access has moved behind the repositories of {@code persistence} reach
   * the database only through them: no EntityManager, query, DataSource or JDBC connection of their
   * own. The list grows as the other capabilities move.
   */
  @Test
  void movedCapabilitiesReachTheDatabaseOnlyThroughRepositories() {
    reachTheDatabaseOnlyThroughRepositories(
        noClasses()
            .that()
            .resideInAnyPackage(
                "co.softdrive.scim.tenant..",
                "co.softdrive.scim.token..",
                "co.softdrive.scim.feed..",
                "co.softdrive.scim.audit..",
                "co.softdrive.scim.staff..",
                "co.softdrive.scim.throttle..",
                "co.softdrive.scim.platform..",
                "co.softdrive.scim.provisioning..",
                "co.softdrive.scim.lifecycle..",
                "co.softdrive.scim.activity..",
                "co.softdrive.scim.inspection..",
                "co.softdrive.scim.health.."));
  }

  private static void reachTheDatabaseOnlyThroughRepositories(GivenClassesConjunction classes) {
    classes
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "javax.sql..")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Connection.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Statement.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(ResultSet.class)
        .check(production);
  }

  @Test
  void nothingImportsTheEdgesOrTheWiring() {
    importedByNothingElse("co.softdrive.scim.resource..");
    importedByNothingElse("co.softdrive.scim.console..");
    importedByNothingElse("co.softdrive.scim.app..");
  }

  @Test
  void applicationAndStartUpAreWiring() {
    classes()
        .that()
        .areAnnotatedWith(ApplicationPath.class)
        .or()
        .implement(ServletContextListener.class)
        .should()
        .resideInAPackage("co.softdrive.scim.app")
        .check(production);
  }

  /** Capabilities contribute platform.ScheduledJob beans; only the wiring holds the scheduler. */
  @Test
  void onlyTheWiringSchedules() {
    noClasses()
        .that()
        .resideOutsideOfPackage("co.softdrive.scim.app..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(ScheduledExecutorService.class)
        .check(production);
  }

  private static void importsNothingOfOursOutside(String pkg) {
    noClasses()
        .that()
        .resideInAPackage(pkg)
        .should()
        .dependOnClassesThat(resideInAPackage(OURS).and(not(resideInAPackage(pkg))))
        .check(production);
  }

  private static void importedByNothingElse(String pkg) {
    noClasses()
        .that()
        .resideOutsideOfPackage(pkg)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg)
        .check(production);
  }
}
