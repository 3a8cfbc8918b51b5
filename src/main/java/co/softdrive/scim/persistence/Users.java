package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's users ({@code scim_user}) and their e-mail rows ({@code scim_user_email}), in the
 * caller's transaction. Their indexed values are {@link UserValueRepository}'s, their memberships
 * {@link MembershipRepository}'s.
 *
 * <p>The two requests of every user an Entra cycle provisions, the {@code userName eq} lookup and
 * the create, are plain JDBC on the transaction's connection ({@link TxConnections}): through JPA
 * the lookup built and prepared a JPQL query per request and the create ran EclipseLink's unit of
 * work (change set, row building, merge after commit) for rows that are written once and never read
 * back in the request. Measured in docs/benchmarks.md. Whether a userName is free is decided by the
 * unique index alone ({@link DuplicateKeyException}), not by a count before the insert.
 */
@ApplicationScoped
public class Users {
  static final String COLUMNS =
      "id, tenant_id, user_name, user_name_ci, user_name_key, user_name_key_tiebreak,"
          + " external_id, display_name_ci, display_name, given_name_ci, family_name_ci,"
          + " employee_number_ci, user_type_ci, manager_id, active, account_state,"
          + " account_state_at, account_state_reason, attributes, created_at, last_modified,"
          + " version";

  static final String INSERT_USER =
      "INSERT INTO scim_user ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String INSERT_EMAIL =
      "INSERT INTO scim_user_email (tenant_id, user_id, pos, value_ci, type_ci, is_primary,"
          + " display_ci) VALUES (?, ?, ?, ?, ?, ?, ?)";

  /** By comparison key ({@code ux_user_name_key}), unordered: Entra's lookup. */
  static final String SELECT_BY_NAME_KEY =
      "SELECT " + COLUMNS + " FROM scim_user WHERE tenant_id = ? AND user_name_key = ?";

  /** Oldest first: the order of a list page, which the lookup answers for. */
  private static final Comparator<UserEntity> CREATION_ORDER =
      Comparator.comparingLong(UserEntity::getCreatedAt).thenComparing(UserEntity::getId);

  /** One e-mail row of a user: lower-cased value, type and display, as filters compare them. */
  public record Email(String valueCi, String typeCi, boolean primary, String displayCi) {}

  static final String DELETE_EMAILS =
      "DELETE FROM scim_user_email WHERE tenant_id = ? AND user_id = ?";

  @Inject TxConnections connections;

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /**
   * The user of this tenant with this id, managed by JPA (changes are written at commit or {@link
   * #flush}); locked for update when {@code forUpdate}. Another tenant's user is not found.
   */
  public Optional<UserEntity> find(TenantId tenant, String id, boolean forUpdate) {
    var query =
        em.createNamedQuery("UserEntity.find", UserEntity.class)
            .setParameter("tenantId", tenant.value())
            .setParameter("id", id);
    if (forUpdate) {
      query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
    }
    return query.getResultStream().findFirst();
  }

  /**
   * The subset of {@code ids} that are users of this tenant. The lookup goes by primary key (an IN
   * list on the id alone, so the database probes the key index once per id) and the tenant is
   * compared on each row found: with the tenant in the WHERE clause, Derby chose the tenant index
   * and scanned all of the tenant's users for every chunk (docs/benchmarks.md).
   */
  public Set<String> existing(TenantId tenant, Collection<String> ids) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : InLists.padded(new ArrayList<>(new LinkedHashSet<>(ids)))) {
      for (Object[] row :
          em.createNamedQuery("UserEntity.tenantsOfIds", Object[].class)
              .setParameter("ids", chunk)
              .getResultList()) {
        if (tenant.value().equals(row[1])) {
          found.add((String) row[0]);
        }
      }
    }
    return found;
  }

  /**
   * The display names of those of {@code ids} that are users of this tenant and have one, looked up
   * by primary key (as {@link #existing}).
   */
  public Map<String, String> displayNames(TenantId tenant, Collection<String> ids) {
    Map<String, String> found = new HashMap<>();
    for (List<String> chunk : InLists.padded(new ArrayList<>(new LinkedHashSet<>(ids)))) {
      for (Object[] row :
          em.createNamedQuery("UserEntity.displayNamesOfIds", Object[].class)
              .setParameter("ids", chunk)
              .getResultList()) {
        if (tenant.value().equals(row[1]) && row[2] != null) {
          found.put((String) row[0], (String) row[2]);
        }
      }
    }
    return found;
  }

  /**
   * Whether another user of the tenant holds the comparison key of {@code userName}. A key that
   * {@code user} already holds is not checked again, so that a look-alike duplicate which migration
   * V10 kept stays updatable.
   */
  public boolean userNameTakenByAnother(TenantId tenant, UserEntity user, String userName) {
    String key = NameKey.of(userName);
    return !key.equals(user.getUserNameKey())
        && em.createNamedQuery("UserEntity.countByUserNameKey", Long.class)
                .setParameter("tenantId", tenant.value())
                .setParameter("key", key)
                .setParameter("exceptId", user.getId())
                .getSingleResult()
            > 0;
  }

  /**
   * Writes the changes of managed users now, so that a unique index refusing a changed userName (a
   * concurrent rename or create) is answered here rather than at commit.
   *
   * @throws DuplicateKeyException when a unique index refuses the changes; any other failure is
   *     thrown as it came (a deadlock is run again by the caller's interceptor)
   */
  public void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException sql && TxConnections.isUniqueViolation(sql)) {
          throw new DuplicateKeyException("userName taken", e);
        }
      }
      throw e;
    }
  }

  /** Replaces the e-mail rows of an existing user. */
  public void replaceEmails(TenantId tenant, String userId, List<Email> emails) {
    connections.run(
        "write the e-mails of user " + userId,
        c -> {
          deleteEmails(c, tenant, userId);
          insertEmails(c, tenant, userId, emails);
          return null;
        });
  }

  /**
   * Deletes a user's row and its e-mail rows; the caller has deleted its memberships and indexed
   * values (nothing cascades: memberships keep a foreign key to the user, the copies none).
   */
  public void delete(TenantId tenant, UserEntity user) {
    connections.run(
        "delete the e-mails of user " + user.getId(),
        c -> {
          deleteEmails(c, tenant, user.getId());
          return null;
        });
    em.remove(user);
  }

  /**
   * Ids of the tenant's tombstones (account deleted, record kept) whose account was deleted before
   * {@code olderThan}, oldest first, at most {@code limit} ({@code ix_user_state}).
   */
  public List<String> tombstonesBefore(TenantId tenant, long olderThan, int limit) {
    return em.createQuery(
            "SELECT u.id FROM UserEntity u WHERE u.tenantId = :tenantId AND u.accountState = :state"
                + " AND u.accountStateAt < :olderThan ORDER BY u.accountStateAt",
            String.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("state", AccountState.DELETED)
        .setParameter("olderThan", olderThan)
        .setMaxResults(limit)
        .getResultList();
  }

  private static void deleteEmails(Connection c, TenantId tenant, String userId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(DELETE_EMAILS)) {
      ps.setString(1, tenant.value());
      ps.setString(2, userId);
      ps.executeUpdate();
    }
  }

  /**
   * Inserts a new user and its e-mail rows.
   *
   * @throws DuplicateKeyException when a unique index refuses the user's row: its userName's
   *     comparison key is taken in the tenant (a concurrent create of the same name included)
   */
  public void insert(TenantId tenant, UserEntity user, List<Email> emails) {
    if (!tenant.value().equals(user.getTenantId())) {
      throw new IllegalArgumentException("user of another tenant");
    }
    connections.run(
        "write user " + user.getId(),
        c -> {
          try (PreparedStatement ps = c.prepareStatement(INSERT_USER)) {
            user.bindInsert(ps);
            ps.executeUpdate();
          } catch (SQLException e) {
            if (TxConnections.isUniqueViolation(e)) {
              throw new DuplicateKeyException("userName taken", e);
            }
            throw e;
          }
          insertEmails(c, tenant, user.getId(), emails);
          return null;
        });
  }

  private static void insertEmails(Connection c, TenantId tenant, String userId, List<Email> emails)
      throws SQLException {
    if (emails.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_EMAIL)) {
      int pos = 0;
      for (Email e : emails) {
        ps.setString(1, tenant.value());
        ps.setString(2, userId);
        ps.setInt(3, pos++);
        ps.setString(4, e.valueCi());
        ps.setString(5, e.typeCi());
        ps.setBoolean(6, e.primary());
        ps.setString(7, e.displayCi());
        if (emails.size() == 1) {
          ps.executeUpdate();
        } else {
          ps.addBatch();
        }
      }
      if (emails.size() > 1) {
        ps.executeBatch();
      }
    }
  }

  /**
   * The users of a tenant whose userName has comparison key {@code key} ({@link NameKey}), oldest
   * first, at most {@code limit}: one index lookup. The entities are read-only copies, not managed
   * by JPA.
   *
   * <p>Sorted here, not by the statement: a key has one row, or a few look-alikes an old release
   * kept (the unique key's tiebreak), and with an {@code ORDER BY} embedded Derby set up a sorter
   * for every lookup, two thirds of the lookup's CPU, most of it formatting the sort's statistics
   * messages (docs/benchmarks.md).
   */
  public List<UserEntity> byUserNameKey(TenantId tenant, String key, int limit) {
    List<UserEntity> users =
        connections.run(
            "look up a userName",
            c -> {
              try (PreparedStatement ps = c.prepareStatement(SELECT_BY_NAME_KEY)) {
                ps.setString(1, tenant.value());
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                  List<UserEntity> found = new ArrayList<>();
                  while (rs.next()) {
                    found.add(UserEntity.read(rs));
                  }
                  return found;
                }
              }
            });
    users.sort(CREATION_ORDER);
    return users.size() > limit ? users.subList(0, limit) : users;
  }
}
