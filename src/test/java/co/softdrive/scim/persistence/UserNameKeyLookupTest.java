package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Entra's lookup before every create ({@code userName eq}): one probe of the unique key without a
 * sort on embedded Derby, and look-alikes an old release kept still come back oldest first.
 */
class UserNameKeyLookupTest {
  private static MemoryDatabase db;
  private static Users users;

  @BeforeAll
  static void seed() throws Exception {
    db = MemoryDatabase.migrated();
    db.addTenant("t");
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement u =
            c.prepareStatement(
                "INSERT INTO scim_user (id, tenant_id, user_name, user_name_ci, user_name_key,"
                    + " user_name_key_tiebreak, active, account_state, account_state_at,"
                    + " attributes, created_at, last_modified, version) VALUES (?, 't', ?, ?, ?,"
                    + " ?, TRUE, 'ACTIVE', 0, '{}', ?, 0, 1)")) {
      for (int i = 0; i < 500; i++) {
        user(u, String.format("u%03d", i), "user" + i + "@example.com", "", i);
      }
      // Three look-alikes of one key, as an old release kept them, inserted newest first.
      user(u, "c-third", "ANNA@example.com", "c-third", 3000);
      user(u, "b-second", "anna@example.com", "b-second", 2000);
      user(u, "a-first", "Anna@example.com", "", 1000);
    }
    TxConnections connections = new TxConnections();
    connections.dataSource = db.dataSource();
    connections.transactions =
        (TransactionSynchronizationRegistry)
            Proxy.newProxyInstance(
                UserNameKeyLookupTest.class.getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getTransactionStatus")) {
                    return Status.STATUS_NO_TRANSACTION;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    users = new Users();
    users.connections = connections;
  }

  private static void user(PreparedStatement u, String id, String name, String tiebreak, long at)
      throws Exception {
    u.setString(1, id);
    u.setString(2, name);
    u.setString(3, name.toLowerCase());
    u.setString(4, NameKey.of(name));
    u.setString(5, tiebreak);
    u.setLong(6, at);
    u.executeUpdate();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aLookupProbesTheUniqueKeyAndSortsNothing() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      DerbyPlans.record(c);
      try (PreparedStatement ps = c.prepareStatement(Users.SELECT_BY_NAME_KEY)) {
        ps.setString(1, "t");
        ps.setString(2, NameKey.of("user250@example.com"));
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals("u250", rs.getString("id"));
          assertFalse(rs.next());
        }
      }
      String plan = DerbyPlans.last(c);
      assertFalse(plan.contains("Sort ResultSet"), plan);
      assertFalse(plan.contains("Table Scan"), plan);
      assertTrue(plan.contains("using constraint UX_USER_NAME_KEY"), plan);
      assertTrue(plan.contains("Number of rows qualified=1"), plan);
    }
  }

  @Test
  void lookAlikesComeBackOldestFirstUpToTheLimit() {
    String key = NameKey.of("anna@example.com");
    assertEquals(
        List.of("a-first", "b-second", "c-third"),
        users.byUserNameKey(TenantId.of("t"), key, 10).stream().map(UserEntity::getId).toList());
    assertEquals(
        List.of("a-first", "b-second"),
        users.byUserNameKey(TenantId.of("t"), key, 2).stream().map(UserEntity::getId).toList());
    assertEquals(
        List.of("u007"),
        users.byUserNameKey(TenantId.of("t"), NameKey.of("USER7@example.com"), 1).stream()
            .map(UserEntity::getId)
            .toList());
    assertEquals(List.of(), users.byUserNameKey(TenantId.of("t"), NameKey.of("nobody"), 1));
  }
}
