package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Groups} and {@link DeletedGroups} on an in-memory Derby migrated like production, through
 * EclipseLink with the service's persistence unit: the JPQL and SQL they run, tenant by tenant.
 */
class GroupRepositoriesTest {
  private static final long NOW = 1_800_000_000_000L;
  private static final long DAY = 86_400_000L;

  private static MemoryDatabase db;
  private static EntityManagerFactory emf;

  private EntityManager em;
  private Groups groups;
  private DeletedGroups deleted;
  private String tenant;
  private String other;

  @BeforeAll
  static void database() throws Exception {
    System.setProperty("derby.stream.error.file", "target/derby-unit.log");
    db = MemoryDatabase.migrated();
    emf =
        Persistence.createEntityManagerFactory(
            "scim",
            Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", db.dataSource(),
                "eclipselink.weaving", "false"));
  }

  @AfterAll
  static void close() {
    emf.close();
    db.close();
  }

  @BeforeEach
  void twoTenants() {
    em = emf.createEntityManager();
    groups = new Groups();
    groups.em = em;
    groups.memberships = new MembershipRepository();
    groups.memberships.em = em;
    deleted = new DeletedGroups();
    deleted.em = em;
    tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
    other = "o" + UUID.randomUUID().toString().substring(0, 8);
    run(
        e -> {
          e.persist(new TenantEntity(tenant, "tenant " + tenant, NOW));
          e.persist(new TenantEntity(other, "tenant " + other, NOW));
        });
  }

  @AfterEach
  void closeEntityManager() {
    em.close();
  }

  @Test
  void aDuplicateDisplayNameIsFoundBeforeTheWriteAndRefusedByTheIndex() {
    GroupEntity first = group(tenant, "g1", "Sales");
    boolean inserted = inTransaction(e -> groups.insert(first));
    assertTrue(inserted);
    GroupEntity lookAlike = group(tenant, "g2", "SALES");
    em.getTransaction().begin();
    try {
      assertTrue(groups.nameTaken(TenantId.of(tenant), group(tenant, "g3", "x"), "ＳＡＬＥＳ"));
      assertFalse(groups.nameTaken(TenantId.of(tenant), first, "sales"), "its own name");
      assertFalse(groups.nameTaken(TenantId.of(other), group(other, "g4", "x"), "Sales"));
      // A concurrent request that passed the check: the unique index refuses the second row.
      assertFalse(groups.insert(lookAlike));
    } finally {
      em.getTransaction().rollback();
    }
    em.clear();
    assertTrue(groups.find(TenantId.of(tenant), id(tenant, "g1")).isPresent());
    assertFalse(groups.find(TenantId.of(other), id(tenant, "g1")).isPresent(), "another tenant's");
    assertFalse(groups.find(TenantId.of(tenant), id(tenant, "g2")).isPresent());
  }

  @Test
  void soleMembersAreThoseInNoOtherGroupOfTheTenant() throws Exception {
    run(
        e -> {
          groups.insert(group(tenant, "a", "A"));
          groups.insert(group(tenant, "b", "B"));
          for (String u : List.of("u1", "u2", "u3")) {
            e.persist(user(tenant, u));
          }
        });
    member(tenant, "a", "u1");
    member(tenant, "a", "u2");
    member(tenant, "b", "u2");
    member(tenant, "a", "u3");
    em.getTransaction().begin();
    try {
      List<String> sole =
          groups.soleMembersForUpdate(TenantId.of(tenant), id(tenant, "a")).stream()
              .map(UserEntity::getId)
              .sorted()
              .toList();
      assertEquals(List.of(id(tenant, "u1"), id(tenant, "u3")), sole);
      assertEquals(List.of(), groups.soleMembersForUpdate(TenantId.of(other), id(tenant, "a")));
      groups.delete(
          TenantId.of(tenant), groups.lock(TenantId.of(tenant), id(tenant, "a")).orElseThrow());
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
    }
    em.clear();
    assertFalse(groups.find(TenantId.of(tenant), id(tenant, "a")).isPresent());
    assertEquals(1, count("SELECT COUNT(*) FROM group_member WHERE tenant_id = ?", tenant));
  }

  @Test
  void aDeletionKeepsTheMembersAndTellsWhatBecameOfThem() throws Exception {
    run(
        e -> {
          groups.insert(group(tenant, "g", "Engineering"));
          for (String u : List.of("u1", "u2", "u3")) {
            e.persist(user(tenant, u));
          }
        });
    for (String u : List.of("u1", "u2", "u3")) {
      member(tenant, "g", u);
    }
    String id =
        inTransaction(
            e -> {
              GroupEntity g = groups.lock(TenantId.of(tenant), id(tenant, "g")).orElseThrow();
              g.setMemberCount(3);
              return deleted.record(
                  TenantId.of(tenant), g, "token", "x".repeat(150), "FOLLOW_ENTRA", NOW);
            });
    // After the deletion: u2 deactivated by Entra, u3 purged.
    run(
        e -> {
          e.find(UserEntity.class, id(tenant, "u2"))
              .setAccountState(AccountState.DELETED, "entra", NOW + 5);
          e.createQuery("DELETE FROM GroupMemberEntity m WHERE m.userId = :u")
              .setParameter("u", id(tenant, "u3"))
              .executeUpdate();
          e.remove(e.find(UserEntity.class, id(tenant, "u3")));
        });
    em.clear();

    GroupDeletionEntity record =
        deleted.newestOf(TenantId.of(tenant), id(tenant, "g")).orElseThrow();
    assertEquals(id, record.getId());
    assertEquals("Engineering", record.getDisplayName());
    assertEquals(100, record.getActorId().length(), "cut to its column");
    assertEquals(3, record.getMemberCount());
    assertEquals(
        List.of(id),
        deleted.recent(TenantId.of(tenant), 5).stream().map(GroupDeletionEntity::getId).toList());
    assertTrue(deleted.newestOf(TenantId.of(other), id(tenant, "g")).isEmpty(), "another tenant");

    List<DeletedGroups.Member> page = deleted.members(TenantId.of(tenant), id, null, 2);
    assertEquals(
        List.of(id(tenant, "u1"), id(tenant, "u2")),
        page.stream().map(DeletedGroups.Member::userId).toList());
    assertEquals("user-" + id(tenant, "u1"), page.get(0).userName());
    assertEquals(AccountState.ACTIVE, page.get(0).state());
    assertEquals(AccountState.DELETED, page.get(1).state());
    assertEquals(NOW + 5, page.get(1).stateAt());
    DeletedGroups.Member purged =
        deleted.members(TenantId.of(tenant), id, id(tenant, "u2"), 2).get(0);
    assertEquals(id(tenant, "u3"), purged.userId());
    assertNull(purged.state(), "purged since");
    assertEquals(List.of(), deleted.members(TenantId.of(other), id, null, 10));

    assertEquals(2, deleted.changedSince(TenantId.of(tenant), id, NOW), "u2 and u3");
    assertEquals(0, deleted.changedSince(TenantId.of(other), id, NOW));
  }

  @Test
  void thePurgeDeletesOnlyTheTenantsRecordsOlderThanTheCutoffWithTheirMembers() throws Exception {
    run(
        e -> {
          groups.insert(group(tenant, "t-g", "G"));
          groups.insert(group(other, "o-g", "G"));
          e.persist(user(tenant, "t-u"));
          e.persist(user(other, "o-u"));
        });
    member(tenant, "t-g", "t-u");
    member(other, "o-g", "o-u");
    String young =
        inTransaction(
            e -> {
              GroupEntity g = groups.find(TenantId.of(tenant), id(tenant, "t-g")).orElseThrow();
              for (int i = 0; i < 3; i++) {
                deleted.record(TenantId.of(tenant), g, "job", null, "CASCADE", NOW - 20 * DAY + i);
              }
              GroupEntity o = groups.find(TenantId.of(other), id(other, "o-g")).orElseThrow();
              deleted.record(TenantId.of(other), o, "job", null, "CASCADE", NOW - 20 * DAY);
              return deleted.record(TenantId.of(tenant), g, "job", null, "CASCADE", NOW - DAY);
            });
    long cutoff = NOW - 14 * DAY;

    for (int expected : new int[] {2, 1, 0}) {
      int purged = inTransaction(e -> deleted.purgeBefore(TenantId.of(tenant), cutoff, 2));
      assertEquals(expected, purged, "oldest first, at most 2 per call");
    }

    em.clear();
    assertEquals(
        List.of(young),
        deleted.recent(TenantId.of(tenant), 10).stream().map(GroupDeletionEntity::getId).toList());
    assertEquals(
        1, count("SELECT COUNT(*) FROM group_deletion_member WHERE tenant_id = ?", tenant));
    assertEquals(1, count("SELECT COUNT(*) FROM group_deletion WHERE tenant_id = ?", other));
    assertEquals(1, count("SELECT COUNT(*) FROM group_deletion_member WHERE tenant_id = ?", other));
  }

  private <T> T inTransaction(Function<EntityManager, T> work) {
    em.getTransaction().begin();
    try {
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
    }
  }

  private void run(Consumer<EntityManager> work) {
    inTransaction(
        e -> {
          work.accept(e);
          return null;
        });
  }

  /** Ids are global keys: each test's carry its tenant's. */
  private static String id(String tenantId, String local) {
    return tenantId + "-" + local;
  }

  private static GroupEntity group(String tenantId, String local, String name) {
    GroupEntity g = new GroupEntity(id(tenantId, local), tenantId, NOW);
    g.setIndexed(name, null);
    g.setAttributes("{}", NOW);
    return g;
  }

  private static UserEntity user(String tenantId, String local) {
    UserEntity u = new UserEntity(id(tenantId, local), tenantId, NOW);
    u.setIndexed("user-" + id(tenantId, local), null, null, null, null, null, null, null, true);
    u.setAttributes("{}", NOW);
    u.setAccountState(AccountState.ACTIVE, "created", NOW - 1);
    return u;
  }

  private void member(String tenantId, String groupId, String userId) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO group_member (tenant_id, group_id, user_id, added_at)"
                    + " VALUES (?, ?, ?, ?)")) {
      ps.setString(1, tenantId);
      ps.setString(2, id(tenantId, groupId));
      ps.setString(3, id(tenantId, userId));
      ps.setLong(4, NOW);
      ps.executeUpdate();
    }
  }

  private static long count(String sql, String tenantId) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
