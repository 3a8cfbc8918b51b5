package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * What the deletion guard reads of a tenant's users, in the caller's transaction: the accounts it
 * holds ({@link AccountState#PENDING_DELETION}) and how many accounts are active, counted only as
 * far as the guard needs.
 */
@ApplicationScoped
public class PendingDeletions {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /** The tenant's held deletions, oldest first, at most {@code limit}. */
  public List<UserEntity> oldest(TenantId tenant, int limit) {
    return em.createQuery(
            "SELECT u FROM UserEntity u WHERE u.tenantId = :tenantId AND u.accountState = :state"
                + " ORDER BY u.accountStateAt, u.id",
            UserEntity.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("state", AccountState.PENDING_DELETION)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * The tenant's held deletions among {@code userIds} ({@code null}: all of them), managed: the
   * caller decides them in this transaction.
   */
  public List<UserEntity> held(TenantId tenant, List<String> userIds) {
    if (userIds != null && userIds.isEmpty()) {
      return List.of();
    }
    TypedQuery<UserEntity> query =
        em.createQuery(
            "SELECT u FROM UserEntity u WHERE u.tenantId = :tenantId AND u.accountState = :state"
                + (userIds == null ? "" : " AND u.id IN :ids"),
            UserEntity.class);
    query
        .setParameter("tenantId", tenant.value())
        .setParameter("state", AccountState.PENDING_DELETION);
    if (userIds != null) {
      query.setParameter("ids", userIds);
    }
    return query.getResultList();
  }

  /** Whether the tenant has any held deletion. */
  public boolean any(TenantId tenant) {
    return countInState(tenant, AccountState.PENDING_DELETION, 1) > 0;
  }

  /** The tenant's active accounts, counted up to {@code upTo}. */
  public long activeUpTo(TenantId tenant, long upTo) {
    return countInState(tenant, AccountState.ACTIVE, upTo);
  }

  /**
   * Users of the tenant in a state, counted up to {@code upTo} (the guard needs to know only
   * whether there are at least that many; an index range of the tenant's users in that state, read
   * no further), without waiting for other transactions' row locks (Derby: {@code WITH UR};
   * PostgreSQL reads never wait): the caller holds the tenant row, and a writer holding a user row
   * may be waiting for it, so a locking count deadlocked. The guard is a threshold; a count that
   * includes other transactions' uncommitted changes serves it as well. Plain JDBC because JPQL
   * cannot carry Derby's {@code WITH UR}, the one statement of the transaction that must not wait.
   */
  private long countInState(TenantId tenant, AccountState state, long upTo) {
    Connection c = em.unwrap(Connection.class);
    try {
      boolean derby = Dialect.of(c) == Dialect.DERBY;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT 1 FROM scim_user WHERE tenant_id = ? AND account_state = ?"
                  + (derby ? " WITH UR" : ""))) {
        ps.setString(1, tenant.value());
        ps.setString(2, state.name());
        ps.setMaxRows((int) Math.min(upTo, Integer.MAX_VALUE));
        ps.setFetchSize((int) Math.min(upTo, 1000));
        long n = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            n++;
          }
        }
        return n;
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not count users of tenant " + tenant, e);
    }
  }
}
