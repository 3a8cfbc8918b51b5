package co.softdrive.scim.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.persistence.MemoryDatabase;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.protocol.filter.FilterParser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The filters on values without a column of their own run on indexes, on embedded Derby, through
 * the real translation and EclipseLink's SQL: a tenant of 3,000 users (and another tenant) where
 * two users match ({@link PlanTenant}), and Derby's runtime statistics of the query.
 */
class FilterPlanTest {
  private static MemoryDatabase db;
  private static EntityManagerFactory emf;

  @BeforeAll
  static void seed() throws Exception {
    db = MemoryDatabase.migrated();
    try (Connection c = db.dataSource().getConnection()) {
      PlanTenant.seed(c);
      for (String table :
          List.of(
              "SCIM_USER", "SCIM_USER_VALUE", "SCIM_USER_EMAIL", "GROUP_MEMBER", "SCIM_GROUP")) {
        try (CallableStatement s =
            c.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(?, ?, NULL)")) {
          s.setString(1, c.getSchema());
          s.setString(2, table);
          s.execute();
        }
      }
      c.commit();
    }
    emf = PlanTenant.entityManagers(db.dataSource());
  }

  @AfterAll
  static void close() {
    if (emf != null) {
      emf.close();
    }
    if (db != null) {
      db.close();
    }
  }

  /**
   * Side rows read: about the matches (a few rows of the value index, the membership key). Users
   * read: about the matches when a test at the top of the filter is joined (the side table's index
   * drives, the users are read by primary key); the tenant's index entries otherwise ({@code
   * EXISTS} is the inner side on Derby).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "title eq \"Chief\" | 50 | 50",
        "department eq \"audit\" | 50 | 50",
        "phoneNumbers.value eq \"+1 555 0199\" | 50 | 50",
        "phoneNumbers eq \"+1 555 0199\" | 50 | 50",
        "title eq \"chief\" and department eq \"audit\" | 50 | 50",
        "userName sw \"user\" and phoneNumbers.value eq \"+1 555 0199\" | 50 | 50",
        "(title eq \"chief\" or title eq \"nobody\") and department eq \"audit\" | 50 | 50",
        "groups.value eq \"t-g19\" | 50 | 50",
        "emails.value eq \"Boss@example.com\" | 50 | 50",
        "emails eq \"boss@example.com\" and groups eq \"t-g19\" | 50 | 50",
        "phoneNumbers[value eq \"+1 555 0199\"] | 50 | 50",
        "phoneNumbers[type eq \"work\" and value eq \"+1 555 0199\"] | 50 | 50",
        "addresses[type eq \"work\" and locality eq \"Oslo\"] | 50 | 50",
        "addresses[locality eq \"oslo\" and type eq \"work\"] and title eq \"chief\" | 50 | 50",
        "groups.display eq \"Group19\" | 50 | 50",
        "groups.display eq \"group19\" and active eq true | 50 | 50",
        // known limit: an or walks the tenant's user index (never another tenant's rows)
        "title eq \"chief\" or department eq \"nobody\" | 3000 | 3000",
        "groups.value eq \"t-g19\" or title eq \"nobody\" | 3000 | 3000",
        "phoneNumbers[type eq \"work\" and value eq \"+1 555 0199\"] or title eq \"x\" | 3000 | 3000",
      })
  void runsOnIndexes(String filter, int sideRows, int usersRead) throws Exception {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      ResourceQueries queries = new ResourceQueries();
      queries.em = em;
      ListParams params = new ListParams(FilterParser.parse(filter), null, false, 1, 100);
      List<Object> found = new ArrayList<>();
      String plan = plan(em, () -> found.addAll(queries.users("t", params).items()));
      assertEquals(
          List.of("t-u17", "t-u2900"), found.stream().map(u -> ((UserEntity) u).getId()).toList());
      assertReadsOnIndexes(plan, "SCIM_USER", usersRead, sideRows);
      // paging and counting see each user once (t-u17 has the phone number twice)
      Page<UserEntity> second =
          queries.users("t", new ListParams(FilterParser.parse(filter), null, false, 2, 1));
      assertEquals(List.of("t-u2900"), second.items().stream().map(UserEntity::getId).toList());
      assertEquals(2, second.total());
      em.getTransaction().rollback();
    } finally {
      em.close();
    }
  }

  /**
   * {@code members.display eq}: the users of that name by their index, their memberships by key,
   * the groups by primary key; never the tenant's 3,000 memberships. Each group is listed once
   * although two of its members carry the name.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "members.display eq \"The Boss\"",
        "members.display eq \"the boss\" and displayName sw \"group\"",
        "members.value eq \"t-u2900\""
      })
  void groupsByTheirMembersRunOnIndexes(String filter) throws Exception {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      ResourceQueries queries = new ResourceQueries();
      queries.em = em;
      ListParams params = new ListParams(FilterParser.parse(filter), null, false, 1, 100);
      List<Object> found = new ArrayList<>();
      String plan = plan(em, () -> found.addAll(queries.groups("t", params).items()));
      assertEquals(List.of("t-g19"), found.stream().map(g -> ((GroupEntity) g).getId()).toList());
      assertReadsOnIndexes(plan, "SCIM_GROUP", 50, 50);
      em.getTransaction().rollback();
    } finally {
      em.close();
    }
  }

  /** Derby's runtime statistics of the last statement {@code query} ran. */
  private static String plan(EntityManager em, Runnable query) throws Exception {
    Connection c = em.unwrap(Connection.class);
    try (Statement s = c.createStatement()) {
      s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
    }
    query.run();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * Every table is read through an index, at most {@code resourceRows} rows of the resource's table
   * and {@code sideRows} of each other table.
   */
  private static void assertReadsOnIndexes(
      String plan, String resourceTable, int resourceRows, int sideRows) {
    assertFalse(plan.contains("Table Scan"), "scans a table:\n" + plan);
    Matcher scan =
        Pattern.compile(
                "Scan ResultSet for (\\w+)( using (?:index|constraint) \\S+)?.*?Number of rows"
                    + " visited=(\\d+)",
                Pattern.DOTALL)
            .matcher(plan);
    int scans = 0;
    while (scan.find()) {
      scans++;
      String table = scan.group(1);
      int visited = Integer.parseInt(scan.group(3));
      assertTrue(scan.group(2) != null, table + " read without an index:\n" + plan);
      int most = table.equals(resourceTable) ? resourceRows : sideRows;
      assertTrue(visited <= most, visited + " rows of " + table + " visited:\n" + plan);
    }
    assertTrue(scans >= 2, plan);
  }
}
