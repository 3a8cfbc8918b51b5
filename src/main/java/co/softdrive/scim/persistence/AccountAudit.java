package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** A tenant's account audit trail ({@code account_audit}), in the caller's transaction. */
@ApplicationScoped
public class AccountAudit {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  static final String INSERT =
      "INSERT INTO account_audit (tenant_id, user_id, user_name, user_name_ci, occurred_at,"
          + " actor_type, actor_id, action, from_state, to_state, reason)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Inject TxConnections connections;

  /**
   * Adds an entry now, in the caller's transaction. Plain JDBC: every user create writes one, and
   * through JPA it was a unit-of-work insert of its own (docs/benchmarks.md).
   */
  public void add(AccountAuditEntity entry) {
    connections.run(
        "write the audit entry of user " + entry.getUserId(),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            entry.bindInsert(ps);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * Automatic (non-staff) account deletions of a tenant since {@code since}: the guard's window,
   * counted on every deactivation. It reads the window's deletion entries of {@code
   * ix_audit_action} and nothing else; the index is named for Derby, whose optimizer otherwise
   * scanned every audit row of the tenant in the window (migration V9). The hint is a comment to
   * PostgreSQL, which plans from its own statistics. Plain JDBC because JPQL cannot carry the
   * optimizer hint (docs/benchmarks.md).
   */
  static final String AUTOMATIC_DELETIONS_SQL =
      "SELECT COUNT(*) FROM account_audit --DERBY-PROPERTIES index=IX_AUDIT_ACTION\n"
          + " WHERE tenant_id = ? AND action = 'deleted' AND occurred_at > ? AND actor_type <> 'staff'";

  public long countAutomaticDeletionsSince(TenantId tenant, long since) {
    try {
      return countAutomaticDeletionsSince(em.unwrap(Connection.class), tenant, since);
    } catch (SQLException e) {
      throw new PersistenceException("Could not count the deletions of tenant " + tenant, e);
    }
  }

  static long countAutomaticDeletionsSince(Connection c, TenantId tenant, long since)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(AUTOMATIC_DELETIONS_SQL)) {
      ps.setString(1, tenant.value());
      ps.setLong(2, since);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The tenant's entries newest first, at most {@code limit}, optionally of one user and/or before
   * an id (paging).
   */
  public List<AccountAuditEntity> list(TenantId tenant, String userId, Long beforeId, int limit) {
    StringBuilder jpql =
        new StringBuilder("SELECT a FROM AccountAuditEntity a WHERE a.tenantId = :tenantId");
    if (userId != null) {
      jpql.append(" AND a.userId = :userId");
    }
    if (beforeId != null) {
      jpql.append(" AND a.id < :beforeId");
    }
    jpql.append(" ORDER BY a.id DESC");
    var q =
        em.createQuery(jpql.toString(), AccountAuditEntity.class)
            .setParameter("tenantId", tenant.value())
            .setMaxResults(limit);
    if (userId != null) {
      q.setParameter("userId", userId);
    }
    if (beforeId != null) {
      q.setParameter("beforeId", beforeId);
    }
    return q.getResultList();
  }

  /**
   * Purged accounts whose recorded userName (lower-cased) starts with {@code lowerPrefix}, newest
   * first, optionally before an id (paging), at most {@code limit}; reads the {@code (tenant_id,
   * user_name_ci)} index.
   */
  public List<AccountAuditEntity> purgedByName(
      TenantId tenant, String lowerPrefix, Long beforeId, int limit) {
    var q =
        em.createQuery(
                "SELECT a FROM AccountAuditEntity a WHERE a.tenantId = :tenantId"
                    + " AND a.userNameCi LIKE :q ESCAPE '!' AND a.action = 'purged'"
                    + (beforeId == null ? "" : " AND a.id < :beforeId")
                    + " ORDER BY a.id DESC",
                AccountAuditEntity.class)
            .setParameter("tenantId", tenant.value())
            .setParameter("q", escapeLike(lowerPrefix) + "%")
            .setMaxResults(limit);
    if (beforeId != null) {
      q.setParameter("beforeId", beforeId);
    }
    return q.getResultList();
  }

  /**
   * One action's entries of a tenant in a time window, read from {@code ix_audit_action} (tenant,
   * action, time), named for Derby as in {@link #AUTOMATIC_DELETIONS_SQL}: from statistics in which
   * an action is a third of the rows, Derby's optimizer scanned the whole table instead ({@code
   * AuditWindowPlanTest}). A comment to PostgreSQL.
   */
  static final String WINDOW_SQL =
      "FROM account_audit --DERBY-PROPERTIES index=IX_AUDIT_ACTION\n"
          + " WHERE tenant_id = ? AND action = ? AND occurred_at >= ? AND occurred_at < ?";

  /**
   * Entries of every account in a time window with one of {@code actions}, oldest first, at most
   * {@code limit}: one query per action, each a range of {@code ix_audit_action} ({@link
   * #WINDOW_SQL}). An IN list of actions is probed on an index's first column only on Derby, which
   * then read every entry of the tenant in the window (migration V14 dropped the index of tenant
   * and time that served it).
   */
  public List<AccountAuditEntity> inWindow(
      TenantId tenant, List<String> actions, long from, long to, int limit) {
    List<AccountAuditEntity> entries = new ArrayList<>();
    for (String action : new LinkedHashSet<>(actions)) {
      @SuppressWarnings("unchecked")
      List<AccountAuditEntity> rows =
          em.createNativeQuery(
                  "SELECT * "
                      + WINDOW_SQL
                      + " ORDER BY occurred_at, id FETCH FIRST "
                      + Math.max(1, limit)
                      + " ROWS ONLY",
                  AccountAuditEntity.class)
              .setParameter(1, tenant.value())
              .setParameter(2, action)
              .setParameter(3, from)
              .setParameter(4, to)
              .getResultList();
      entries.addAll(rows);
    }
    entries.sort(
        Comparator.comparingLong(AccountAuditEntity::getOccurredAt)
            .thenComparing(AccountAuditEntity::getId));
    return entries.size() > limit ? new ArrayList<>(entries.subList(0, limit)) : entries;
  }

  /**
   * How many entries of each action in the window: action → count (actions without entries are
   * absent); one count per action, as {@link #inWindow}.
   */
  public Map<String, Long> countInWindow(
      TenantId tenant, List<String> actions, long from, long to) {
    Map<String, Long> counts = new HashMap<>();
    for (String action : new LinkedHashSet<>(actions)) {
      long n =
          ((Number)
                  em.createNativeQuery("SELECT COUNT(*) " + WINDOW_SQL)
                      .setParameter(1, tenant.value())
                      .setParameter(2, action)
                      .setParameter(3, from)
                      .setParameter(4, to)
                      .getSingleResult())
              .longValue();
      if (n > 0) {
        counts.put(action, n);
      }
    }
    return counts;
  }

  /** Escapes LIKE wildcards with {@code !}. */
  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
