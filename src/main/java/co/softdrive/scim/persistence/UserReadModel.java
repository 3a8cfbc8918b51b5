package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's users as the console lists and shows them (read only, in the caller's transaction):
 * search by the start of userName or of an e-mail (case-insensitive) or of externalId (exact case),
 * filter by account state, sort and page, all in the database on indexes that start with {@code
 * tenant_id}.
 */
@ApplicationScoped
public class UserReadModel {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /**
   * What a user list can be sorted by; ties go by id. userName sorts by its comparison key ({@link
   * NameKey}), on the index of its uniqueness.
   */
  public enum Sort {
    USER_NAME("u.userNameKey"),
    LAST_MODIFIED("u.lastModified"),
    ACCOUNT_STATE_AT("u.accountStateAt"),
    EXTERNAL_ID("u.externalId");

    final String path;

    Sort(String path) {
      this.path = path;
    }
  }

  /** Users that match the search (blank: all) and are in {@code state} (null: any). */
  public long count(TenantId tenant, String search, AccountState state) {
    return query(tenant, search, state, "SELECT COUNT(u)", "", Long.class).getSingleResult();
  }

  /** One page of the users {@link #count} counts. */
  public List<UserEntity> page(
      TenantId tenant,
      String search,
      AccountState state,
      Sort sort,
      boolean ascending,
      int offset,
      int limit) {
    String order = " ORDER BY " + sort.path + (ascending ? " ASC" : " DESC") + ", u.id";
    return query(tenant, search, state, "SELECT u", order, UserEntity.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The tenant's user with this id, if it is the tenant's. */
  public Optional<UserEntity> find(TenantId tenant, String userId) {
    return em.createNamedQuery("UserEntity.find", UserEntity.class)
        .setParameter("tenantId", tenant.value())
        .setParameter("id", userId)
        .getResultStream()
        .findFirst();
  }

  private <T> TypedQuery<T> query(
      TenantId tenant,
      String search,
      AccountState state,
      String select,
      String order,
      Class<T> type) {
    StringBuilder jpql =
        new StringBuilder(select).append(" FROM UserEntity u WHERE u.tenantId = :t");
    boolean searching = search != null && !search.isBlank();
    if (searching) {
      jpql.append(
          " AND (u.userNameCi LIKE :q ESCAPE '!' OR u.externalId LIKE :x ESCAPE '!'"
              + " OR EXISTS (SELECT e FROM UserEmailEntity e WHERE e.tenantId = u.tenantId"
              + " AND e.userId = u.id AND e.valueCi LIKE :q ESCAPE '!'))");
    }
    if (state != null) {
      jpql.append(" AND u.accountState = :state");
    }
    TypedQuery<T> q = em.createQuery(jpql + order, type).setParameter("t", tenant.value());
    if (state != null) {
      q.setParameter("state", state);
    }
    if (searching) {
      q.setParameter("q", Like.startsWith(search));
      q.setParameter("x", Like.startsWithExact(search));
    }
    return q;
  }
}
