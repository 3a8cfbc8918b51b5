package co.softdrive.scim.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.persistence.DerbyPlans;
import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.persistence.MemoryDatabase;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.protocol.filter.FilterParser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

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
        // an or whose branches each start from an index: one query per branch (FilterTranslator
        // #branches), each reading about its matches
        "title eq \"chief\" or department eq \"nobody\" | 50 | 50",
        "title eq \"chief\" or title eq \"nobody\" | 50 | 50",
        "groups.value eq \"t-g19\" or title eq \"nobody\" | 50 | 50",
        "phoneNumbers[type eq \"work\" and value eq \"+1 555 0199\"] or title eq \"x\" | 50 | 50",
        "groups.display eq \"group19\" or emails.value eq \"nobody@example.com\" | 50 | 50",
        "userName eq \"user17\" or department eq \"audit\" | 50 | 50",
        "externalId eq \"nobody\" or emails eq \"boss@example.com\" | 50 | 50",
        "(title eq \"chief\" or department eq \"audit\") and active eq true | 50 | 50",
        "displayName eq \"nobody\" or (phoneNumbers eq \"+1 555 0199\" and active eq true)"
            + " | 50 | 50",
        // known limit: a branch no index can start (active) walks the tenant's user index, in
        // one query (never another tenant's rows)
        "title eq \"chief\" or active eq false | 3000 | 3000",
      })
  void runsOnIndexes(String filter, int sideRows, int usersRead) throws Exception {
    withQueries(
        (em, queries) -> {
          ListParams params = new ListParams(FilterParser.parse(filter), null, false, 1, 100);
          List<Object> found = new ArrayList<>();
          List<String> plans =
              plans(em, queries, () -> found.addAll(queries.users("t", params).items()));
          assertEquals(
              List.of("t-u17", "t-u2900"),
              found.stream().map(u -> ((UserEntity) u).getId()).toList());
          int read = 0;
          for (String plan : plans) {
            read += assertReadsOnIndexes(plan, "SCIM_USER", usersRead, sideRows);
          }
          assertTrue(read >= 2, String.join("\n", plans));
          // paging and counting see each user once (t-u17 has the phone number twice)
          Page<UserEntity> second =
              queries.users("t", new ListParams(FilterParser.parse(filter), null, false, 2, 1));
          assertEquals(List.of("t-u2900"), second.items().stream().map(UserEntity::getId).toList());
          assertEquals(2, second.total());
        });
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
    withQueries(
        (em, queries) -> {
          ListParams params = new ListParams(FilterParser.parse(filter), null, false, 1, 100);
          List<Object> found = new ArrayList<>();
          List<String> plans =
              plans(em, queries, () -> found.addAll(queries.groups("t", params).items()));
          assertEquals(
              List.of("t-g19"), found.stream().map(g -> ((GroupEntity) g).getId()).toList());
          int read = 0;
          for (String plan : plans) {
            read += assertReadsOnIndexes(plan, "SCIM_GROUP", 50, 50);
          }
          assertTrue(read >= 2, String.join("\n", plans));
        });
  }

  /**
   * Filters generated from the schemas: {@code eq} and {@code pr} on every attribute and
   * sub-attribute of the User (core, enterprise, Softdrive) and Group schemas that a filter can
   * search. Each statement reads every table through an index and never beyond the tenant's own
   * rows; an {@code eq} on a value nobody has reads at most 50 rows of any table (the attributes
   * without an index of their own, listed in {@link #WALKS_THE_TENANT}, walk the tenant's
   * creation-order index, index only).
   */
  @ParameterizedTest(name = "{0}s?filter={1}")
  @MethodSource("schemaFilters")
  void everySchemaAttributeFiltersOnIndexes(String type, String filter) throws Exception {
    withQueries(
        (em, queries) -> {
          // from the second row: a first page of userName eq alone is the unique key's lookup,
          // without JPQL (UserNameLookupTest)
          ListParams params = new ListParams(FilterParser.parse(filter), null, false, 2, 100);
          List<String> plans =
              plans(
                  em,
                  queries,
                  () -> {
                    if (type.equals("User")) {
                      queries.users("t", params);
                    } else {
                      queries.groups("t", params);
                    }
                  });
          String path = filter.substring(0, filter.indexOf(' '));
          path = path.substring(path.lastIndexOf(':') + 1);
          boolean few = filter.endsWith("\"no-one\"") && !WALKS_THE_TENANT.contains(path);
          String resource = type.equals("User") ? "SCIM_USER" : "SCIM_GROUP";
          for (String plan : plans) {
            assertReadsOnIndexes(
                plan,
                resource,
                few ? 50 : PlanTenant.USERS,
                few ? 50 : PlanTenant.USERS * PlanTenant.VALUES_PER_USER);
          }
        });
  }

  /**
   * Attributes whose {@code eq} has no index to start from (a column or an e-mail's field without
   * an index of its own, a constant): the list walks the tenant's creation-order index and tests
   * each resource's rows. Extension attributes by their name without the schema.
   */
  static final java.util.Set<String> WALKS_THE_TENANT =
      java.util.Set.of(
          "active",
          "name.givenName",
          "name.familyName",
          "meta.created",
          "meta.lastModified",
          "meta.resourceType",
          "manager",
          "manager.value",
          "manager.displayName",
          "userType",
          "emails.display",
          "emails.type",
          "groups.type",
          "members.type",
          "members.display");

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> schemaFilters() {
    List<org.junit.jupiter.params.provider.Arguments> filters = new ArrayList<>();
    for (ResourceMapping mapping : List.of(ResourceMapping.USERS, ResourceMapping.GROUPS)) {
      for (co.softdrive.scim.protocol.schema.SchemaDef schema : mapping.type.allSchemas()) {
        String prefix = schema.id().equals(mapping.coreSchema) ? "" : schema.id() + ":";
        for (co.softdrive.scim.protocol.schema.AttributeDef a : schema.attributes()) {
          List<co.softdrive.scim.protocol.schema.AttributeDef> leaves =
              a.subAttributes().isEmpty() ? List.of(a) : a.subAttributes();
          for (co.softdrive.scim.protocol.schema.AttributeDef leaf : leaves) {
            String path = prefix + a.name() + (leaf == a ? "" : "." + leaf.name());
            for (String filter : List.of(path + " eq " + literal(leaf), path + " pr")) {
              // known limit, left out: for members.display pr Derby hashes the users' table
              // (every tenant's rows, through no index); docs/architecture.md
              if (filterable(mapping, filter) && !filter.equals("members.display pr")) {
                filters.add(
                    org.junit.jupiter.params.provider.Arguments.of(
                        mapping == ResourceMapping.USERS ? "User" : "Group", filter));
              }
            }
          }
        }
      }
    }
    assertTrue(filters.size() > 100, filters.toString());
    return filters.stream();
  }

  private static String literal(co.softdrive.scim.protocol.schema.AttributeDef leaf) {
    return switch (leaf.type()) {
      case BOOLEAN -> "true";
      case DATETIME -> "\"2026-01-31T08:00:00Z\"";
      default -> "\"no-one\"";
    };
  }

  /** Whether the translation accepts it ({@code password}, the {@code $ref}s are refused). */
  private static boolean filterable(ResourceMapping mapping, String filter) {
    try {
      FilterTranslator.translate(mapping, FilterParser.parse(filter), "r");
      return true;
    } catch (co.softdrive.scim.protocol.error.ScimBadRequest refused) {
      return false;
    }
  }

  private interface Body {
    void run(EntityManager em, ResourceQueries queries) throws Exception;
  }

  /** Runs {@code body} with list queries on a new entity manager, in a transaction rolled back. */
  private static void withQueries(Body body) throws Exception {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      ResourceQueries queries = new ResourceQueries();
      queries.em = em;
      body.run(em, queries);
      em.getTransaction().rollback();
    } finally {
      em.close();
    }
  }

  /**
   * Derby's runtime statistics of each statement {@code query} runs through {@code queries}' entity
   * manager (read right after the statement's results).
   */
  private static List<String> plans(EntityManager em, ResourceQueries queries, Runnable query)
      throws Exception {
    Connection c = em.unwrap(Connection.class);
    DerbyPlans.record(c);
    List<String> plans = new ArrayList<>();
    queries.em = recording(em, () -> plans.add(statistics(c)));
    try {
      query.run();
    } finally {
      queries.em = em;
    }
    assertFalse(plans.isEmpty());
    return plans;
  }

  private static String statistics(Connection c) {
    try {
      return DerbyPlans.last(c);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code em}, whose queries call {@code afterEach} once they have their results. */
  private static EntityManager recording(EntityManager em, Runnable afterEach) {
    return (EntityManager)
        Proxy.newProxyInstance(
            FilterPlanTest.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (self, m, args) -> {
              Object result = invoke(m, em, args);
              if (result instanceof TypedQuery<?> q) {
                return recording(q, afterEach);
              }
              return result;
            });
  }

  private static TypedQuery<?> recording(TypedQuery<?> query, Runnable afterEach) {
    return (TypedQuery<?>)
        Proxy.newProxyInstance(
            FilterPlanTest.class.getClassLoader(),
            new Class<?>[] {TypedQuery.class},
            (self, m, args) -> {
              Object result = invoke(m, query, args);
              if (m.getName().equals("getResultList") || m.getName().equals("getSingleResult")) {
                afterEach.run();
              }
              return result == query ? self : result;
            });
  }

  private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * Every table is read through an index, at most {@code resourceRows} rows of the resource's table
   * and {@code sideRows} of each other table; returns how many tables the statement read (a scan
   * the statement never opened, after an empty side, counts as none).
   */
  private static int assertReadsOnIndexes(
      String plan, String resourceTable, int resourceRows, int sideRows) {
    assertFalse(plan.contains("Table Scan"), "scans a table:\n" + plan);
    String[] scans = plan.split("Scan ResultSet for ");
    Pattern table = Pattern.compile("^(\\w+)( using (?:index|constraint) \\S+)?");
    Pattern visited = Pattern.compile("Number of rows visited=(\\d+)");
    int opened = 0;
    for (String scan : Arrays.asList(scans).subList(1, scans.length)) {
      Matcher name = table.matcher(scan);
      assertTrue(name.find(), plan);
      assertTrue(name.group(2) != null, name.group(1) + " read without an index:\n" + plan);
      Matcher rows = visited.matcher(scan);
      if (!rows.find()) {
        continue;
      }
      opened++;
      int most = name.group(1).equals(resourceTable) ? resourceRows : sideRows;
      int read = Integer.parseInt(rows.group(1));
      assertTrue(read <= most, read + " rows of " + name.group(1) + " visited:\n" + plan);
    }
    return opened;
  }
}
