package co.softdrive.scim.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.persistence.Migrations;
import co.softdrive.scim.persistence.ScratchPostgres;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.persistence.WithPostgres;
import co.softdrive.scim.protocol.filter.FilterParser;
import co.softdrive.scim.protocol.path.AttrPath;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The filter forms of {@link FilterPlanTest} on PostgreSQL: the same data ({@link PlanTenant}), the
 * real translation and EclipseLink's SQL, and {@code EXPLAIN ANALYZE} of each statement as it was
 * sent, with its parameters. Runs when {@code -Dtest.pg.url} names a server's maintenance database
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with {@code test.pg.user} and {@code
 * test.pg.password}); it creates and drops its own database ({@code softdrive_scim_query_<random>},
 * so that two runs on one server do not meet). The plans are written to {@code
 * target/postgres-filter-plans.txt}.
 */
@WithPostgres
class PostgresFilterPlanTest {
  private static final String DATABASE =
      "softdrive_scim_query_" + java.util.UUID.randomUUID().toString().replace("-", "");
  private static final Path PLANS = Path.of("target", "postgres-filter-plans.txt");
  private static final List<String> explained = new ArrayList<>();
  private static PGSimpleDataSource admin;
  private static EntityManagerFactory emf;

  @BeforeAll
  static void seed() throws Exception {
    admin = ScratchPostgres.admin();
    execute(admin, "CREATE DATABASE " + DATABASE);
    PGSimpleDataSource ds = ScratchPostgres.database(admin, DATABASE);
    Migrations.migrate(ds);
    try (Connection c = ds.getConnection()) {
      PlanTenant.seed(c);
      c.setAutoCommit(true);
      execute(c, "ANALYZE");
    }
    emf = PlanTenant.entityManagers(explaining(ds));
    Files.createDirectories(PLANS.getParent());
    Files.writeString(PLANS, "");
  }

  @AfterAll
  static void drop() throws Exception {
    if (emf != null) {
      emf.close();
    }
    if (admin != null) {
      execute(admin, "DROP DATABASE IF EXISTS " + DATABASE);
    }
  }

  /**
   * The joined forms: every table read through an index, at most {@code most} rows of each (actual
   * rows times loops of every plan node on a table).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "User | title eq \"Chief\" | 50",
        "User | phoneNumbers.value eq \"+1 555 0199\" | 50",
        "User | emails.value eq \"Boss@example.com\" | 50",
        "User | groups.value eq \"t-g19\" | 50",
        "User | groups.display eq \"Group19\" | 50",
        "User | phoneNumbers[value eq \"+1 555 0199\"] | 50",
        "User | phoneNumbers[type eq \"work\" and value eq \"+1 555 0199\"] | 50",
        "User | addresses[type eq \"work\" and locality eq \"Oslo\"] | 50",
        "User | title eq \"chief\" and department eq \"audit\" | 50",
        "Group | members.display eq \"The Boss\" | 50",
        "Group | members.value eq \"t-u2900\" | 50",
        // an or split into branches that each start from an index (one statement per branch)
        "User | title eq \"chief\" or department eq \"nobody\" | 50",
        "User | groups.value eq \"t-g19\" or title eq \"nobody\" | 50",
        "User | phoneNumbers[type eq \"work\" and value eq \"+1 555 0199\"] or title eq \"x\" | 50",
        "User | groups.display eq \"group19\" or emails.value eq \"nobody@example.com\" | 50",
        "User | userName eq \"user17\" or department eq \"audit\" | 50",
      })
  void joinedFormsRunOnIndexes(String type, String filter, int most) throws Exception {
    int nodes = 0;
    for (String plan : explain(type, filter)) {
      assertScansNoLargeTable(plan);
      Matcher node =
          Pattern.compile("on (\\w+) \\w+ .*?\\(actual time=\\S+ rows=(\\d+) loops=(\\d+)\\)")
              .matcher(plan);
      while (node.find()) {
        nodes++;
        long rows = Long.parseLong(node.group(2)) * Long.parseLong(node.group(3));
        assertTrue(rows <= most, rows + " rows of " + node.group(1) + ":\n" + plan);
      }
    }
    assertTrue(nodes >= 2, filter);
  }

  /**
   * The forms no index can start (an {@code or} with a branch on an unindexed attribute, a test
   * under {@code not}): recorded for the documentation, and never a scan of the whole table.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "User | title eq \"chief\" or active eq false",
        "User | not (title eq \"engineer\") and active eq true",
      })
  void otherFormsAreRecorded(String type, String filter) throws Exception {
    for (String plan : explain(type, filter)) {
      assertScansNoLargeTable(plan);
    }
  }

  /**
   * sortBy=userName: a page of the tenant's users in comparison-key order is read from the unique
   * key's index ({@code ux_user_name_key}) up to the page, not sorted from all of the tenant's
   * users.
   */
  @Test
  void aPageSortedByUserNameReadsTheKeyIndex() throws Exception {
    EntityManager em = emf.createEntityManager();
    List<String> ids;
    try {
      em.getTransaction().begin();
      ResourceQueries queries = new ResourceQueries();
      queries.em = em;
      explained.clear();
      ids =
          queries
              .users("t", new ListParams(null, AttrPath.of("userName"), false, 1, 100))
              .items()
              .stream()
              .map(UserEntity::getUserNameKey)
              .toList();
      em.getTransaction().rollback();
    } finally {
      em.close();
    }
    assertEquals(100, ids.size());
    assertEquals(ids.stream().sorted().toList(), ids);
    String plan = explained.stream().filter(p -> p.contains("ORDER BY")).findFirst().orElseThrow();
    Files.writeString(
        PLANS, "== Users?sortBy=userName\n" + plan + "\n", java.nio.file.StandardOpenOption.APPEND);
    assertScansNoLargeTable(plan);
    Matcher scan =
        Pattern.compile(
                "Index Scan using ux_user_name_key on scim_user .*?\\(actual time=\\S+ rows=(\\d+)"
                    + " loops=1\\)")
            .matcher(plan);
    assertTrue(scan.find(), plan);
    assertTrue(Integer.parseInt(scan.group(1)) <= 200, plan);
  }

  /**
   * No sequential scan of the tables that grow with a tenant's users (the groups are not among
   * them: a few pages, where PostgreSQL may rightly prefer a scan).
   */
  private static void assertScansNoLargeTable(String plan) {
    for (String table :
        List.of("scim_user", "scim_user_value", "scim_user_email", "group_member")) {
      assertFalse(plan.contains("Seq Scan on " + table + " "), "scans " + table + ":\n" + plan);
    }
  }

  /**
   * Runs the filter's first page, checks it found the rare users or their group, and explains each
   * statement it sent.
   */
  private static List<String> explain(String type, String filter) throws Exception {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      ResourceQueries queries = new ResourceQueries();
      queries.em = em;
      ListParams params = new ListParams(FilterParser.parse(filter), null, false, 1, 100);
      explained.clear();
      List<String> ids =
          type.equals("User")
              ? queries.users("t", params).items().stream().map(UserEntity::getId).toList()
              : queries.groups("t", params).items().stream().map(GroupEntity::getId).toList();
      assertEquals(type.equals("User") ? List.of("t-u17", "t-u2900") : List.of("t-g19"), ids);
      em.getTransaction().rollback();
    } finally {
      em.close();
    }
    assertFalse(explained.isEmpty());
    for (String plan : explained) {
      Files.writeString(
          PLANS,
          "== " + type + "s?filter=" + filter + "\n" + plan + "\n",
          java.nio.file.StandardOpenOption.APPEND);
    }
    return List.copyOf(explained);
  }

  /**
   * {@code ds}, whose prepared SELECTs are explained ({@code EXPLAIN ANALYZE}, same parameters,
   * same connection) before they run.
   */
  private static DataSource explaining(DataSource ds) {
    return proxy(
        DataSource.class,
        ds,
        (m, args, result) ->
            result instanceof Connection c && m.getName().equals("getConnection")
                ? proxy(
                    Connection.class,
                    c,
                    (cm, cargs, statement) ->
                        statement instanceof PreparedStatement p
                                && cm.getName().equals("prepareStatement")
                                && ((String) cargs[0]).startsWith("SELECT")
                            ? explained(c, (String) cargs[0], p)
                            : statement)
                : result);
  }

  private static PreparedStatement explained(Connection c, String sql, PreparedStatement p) {
    List<Object[]> sets = new ArrayList<>();
    List<Method> setters = new ArrayList<>();
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PostgresFilterPlanTest.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (self, m, args) -> {
              if (m.getName().startsWith("set") && args != null && args.length >= 2) {
                setters.add(m);
                sets.add(args);
              } else if (m.getName().equals("executeQuery")) {
                try (PreparedStatement e = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
                  for (int i = 0; i < sets.size(); i++) {
                    setters.get(i).invoke(e, sets.get(i));
                  }
                  StringBuilder plan = new StringBuilder(sql).append('\n');
                  try (ResultSet rs = e.executeQuery()) {
                    while (rs.next()) {
                      plan.append(rs.getString(1)).append('\n');
                    }
                  }
                  explained.add(plan.toString());
                }
              }
              try {
                return m.invoke(p, args);
              } catch (InvocationTargetException ex) {
                throw ex.getCause();
              }
            });
  }

  private interface After {
    Object apply(Method m, Object[] args, Object result) throws Exception;
  }

  private static <T> T proxy(Class<T> type, T target, After after) {
    return type.cast(
        Proxy.newProxyInstance(
            PostgresFilterPlanTest.class.getClassLoader(),
            new Class<?>[] {type},
            (self, m, args) -> {
              Object result;
              try {
                result = m.invoke(target, args);
              } catch (InvocationTargetException ex) {
                throw ex.getCause();
              }
              return after.apply(m, args, result);
            }));
  }

  private static void execute(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection()) {
      execute(c, sql);
    }
  }

  private static void execute(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
