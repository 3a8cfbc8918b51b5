package co.softdrive.scim.query;

import co.softdrive.scim.persistence.GroupEntity;
import co.softdrive.scim.persistence.NameKey;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.UserEntity;
import co.softdrive.scim.persistence.Users;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.CompareOp;
import co.softdrive.scim.protocol.filter.Filter;
import co.softdrive.scim.protocol.schema.Schemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;

/**
 * Runs list and filter queries for one tenant in the database: the filter becomes a JPQL condition,
 * sorting an ORDER BY (ties broken by id, so pages are stable), paging OFFSET/FETCH. When the first
 * page holds fewer rows than asked, its size is the total and no COUNT is run (Entra's lookups by
 * userName/displayName are exactly that case). The filter's conditions use the query's {@code
 * :tenantId} parameter in their subqueries ({@link FilterTranslator#sameTenant}).
 */
@ApplicationScoped
public class ResourceQueries {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Inject Users users;

  public Page<UserEntity> users(String tenantId, ListParams params) {
    String key = userNameLookup(params);
    if (key != null) {
      // Entra's lookup before every create: one statement on the unique index, no JPQL. A full
      // page (look-alike names kept by an old release) goes on below, to count them.
      List<UserEntity> found = users.byUserNameKey(TenantId.of(tenantId), key, params.count());
      if (found.size() < params.count()) {
        return new Page<>(found, found.size());
      }
    }
    return run(tenantId, ResourceMapping.USERS, UserEntity.class, params);
  }

  /**
   * The comparison key when {@code params} ask for the first page, in creation order, of {@code
   * userName eq "..."} alone; else null.
   */
  static String userNameLookup(ListParams params) {
    if (params.startIndex() != 1
        || params.count() <= 0
        || params.sortBy() != null
        || !(params.filter() instanceof Filter.Compare c)
        || c.op() != CompareOp.EQ
        || !(c.value() instanceof JsonString value)
        || c.attr().hasSubAttribute()
        || !c.attr().attribute().equalsIgnoreCase("userName")
        || (c.attr().schema() != null && !c.attr().schema().equalsIgnoreCase(Schemas.CORE_USER))) {
      return null;
    }
    return NameKey.of(value.getString());
  }

  public Page<GroupEntity> groups(String tenantId, ListParams params) {
    return run(tenantId, ResourceMapping.GROUPS, GroupEntity.class, params);
  }

  /** Validates a filter against a resource type without running it (for error messages). */
  public static void checkUsers(ListParams params) {
    where(ResourceMapping.USERS, params);
  }

  private <T> Page<T> run(
      String tenantId, ResourceMapping mapping, Class<T> type, ListParams params) {
    JpqlFilter filter = where(mapping, params);
    String from =
        " FROM "
            + mapping.entity
            + " r"
            + filter.from()
            + " WHERE r.tenantId = :tenantId"
            + filter.where();
    List<T> items = List.of();
    if (params.count() > 0) {
      TypedQuery<T> q =
          em.createQuery("SELECT r" + from + orderBy(mapping, params), type)
              .setFirstResult(params.startIndex() - 1)
              .setMaxResults(params.count());
      bind(q, tenantId, filter.parameters());
      items = q.getResultList();
      if (params.startIndex() == 1 && items.size() < params.count()) {
        return new Page<>(items, items.size());
      }
    }
    TypedQuery<Long> c = em.createQuery("SELECT COUNT(r)" + from, Long.class);
    bind(c, tenantId, filter.parameters());
    return new Page<>(items, c.getSingleResult());
  }

  private static JpqlFilter where(ResourceMapping mapping, ListParams params) {
    if (params.filter() == null) {
      return new JpqlFilter("", Map.of());
    }
    JpqlFilter f = FilterTranslator.translate(mapping, params.filter(), "r");
    return new JpqlFilter(" AND " + f.where(), f.parameters(), f.from());
  }

  private static String orderBy(ResourceMapping mapping, ListParams params) {
    String direction = params.descending() ? " DESC" : " ASC";
    if (params.sortBy() == null) {
      return " ORDER BY r.createdAt" + direction + ", r.id" + direction;
    }
    Column column =
        mapping
            .sortColumn(params.sortBy())
            .orElseThrow(
                () ->
                    ScimBadRequest.invalidValue(
                        "sortBy '"
                            + params.sortBy()
                            + "' is not supported; sortable attributes are"
                            + " id, userName, displayName, externalId, name.givenName,"
                            + " name.familyName, meta.created, meta.lastModified"));
    return " ORDER BY " + column.on("r") + direction + ", r.id" + direction;
  }

  private static void bind(TypedQuery<?> q, String tenantId, Map<String, Object> params) {
    // On Derby, EclipseLink stops binding a query's parameters once it holds an EXISTS subquery
    // or a LIKE ... ESCAPE, and inlines booleans as 0/1, which Derby refuses to compare with a
    // BOOLEAN column (a 500 for emails[primary eq true], found by HttpEdgeFuzzIT). Bind them all.
    q.setHint("eclipselink.jdbc.bind-parameters", "true");
    q.setParameter("tenantId", tenantId);
    params.forEach(q::setParameter);
  }
}
