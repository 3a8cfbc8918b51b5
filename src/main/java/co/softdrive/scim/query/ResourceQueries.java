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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs list and filter queries for one tenant in the database: the filter becomes a JPQL condition,
 * sorting an ORDER BY (ties broken by id, so pages are stable), paging OFFSET/FETCH. When the first
 * page holds fewer rows than asked, its size is the total and no COUNT is run (Entra's lookups by
 * userName/displayName are exactly that case). The filter's conditions use the query's {@code
 * :tenantId} parameter in their subqueries ({@link FilterTranslator#sameTenant}).
 */
@ApplicationScoped
public class ResourceQueries {
  /** The deepest page end ({@code startIndex - 1 + count}) served by {@link #merged}. */
  static final int MERGED_ROWS = 10_000;

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
    return run(tenantId, ResourceMapping.USERS, UserEntity.class, UserEntity::getId, params);
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
    return run(tenantId, ResourceMapping.GROUPS, GroupEntity.class, GroupEntity::getId, params);
  }

  /** Validates a filter against a resource type without running it (for error messages). */
  public static void checkUsers(ListParams params) {
    where(ResourceMapping.USERS, params);
  }

  private <T> Page<T> run(
      String tenantId,
      ResourceMapping mapping,
      Class<T> type,
      Function<T, String> idOf,
      ListParams params) {
    if (params.filter() != null && params.startIndex() - 1L + params.count() <= MERGED_ROWS) {
      Optional<List<JpqlFilter>> branches =
          FilterTranslator.branches(mapping, params.filter(), "r");
      if (branches.isPresent()) {
        List<JpqlFilter> each = branches.get().stream().map(ResourceQueries::conjoined).toList();
        return merged(tenantId, mapping, type, idOf, params, each);
      }
    }
    JpqlFilter filter = where(mapping, params);
    String from = from(mapping, filter);
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
    return new Page<>(items, count(tenantId, from, filter));
  }

  /**
   * The page of an {@code or} split into disjoint branches that each start from an index ({@link
   * FilterTranslator#branches}): each branch's first {@code startIndex - 1 + count} ids in the
   * list's order, merged in that order, the page's resources read by id; the total is the sum of
   * the branches' counts (no COUNT when every branch came back short). Rows read grow with the
   * matches and the page's depth, not with the tenant. The merge compares the sort values in Java
   * (nulls last, as both databases order them); where that differs from the database's collation
   * (non-ASCII names), the list is still the same sequence from page to page, since each page is a
   * prefix of the same merge.
   */
  private <T> Page<T> merged(
      String tenantId,
      ResourceMapping mapping,
      Class<T> type,
      Function<T, String> idOf,
      ListParams params,
      List<JpqlFilter> branches) {
    int wanted = params.count() > 0 ? params.startIndex() - 1 + params.count() : 0;
    List<Object[]> keys = new ArrayList<>();
    boolean complete = wanted > 0;
    if (wanted > 0) {
      String select = "SELECT r.id, " + sortKey(mapping, params).on("r");
      for (JpqlFilter branch : branches) {
        TypedQuery<Object[]> q =
            em.createQuery(
                    select + from(mapping, branch) + orderBy(mapping, params), Object[].class)
                .setMaxResults(wanted);
        bind(q, tenantId, branch.parameters());
        List<Object[]> found = q.getResultList();
        complete &= found.size() < wanted;
        keys.addAll(found);
      }
    }
    Comparator<Object[]> order =
        Comparator.<Object[], Comparable<Object>>comparing(
                k -> comparable(k[1]), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(k -> (String) k[0]);
    keys.sort(params.descending() ? order.reversed() : order);
    List<String> merged = keys.stream().map(k -> (String) k[0]).distinct().toList();
    List<String> ids =
        merged.stream().skip(params.startIndex() - 1L).limit(Math.max(params.count(), 0)).toList();
    List<T> items = byIds(tenantId, mapping, type, idOf, ids);
    long total = 0;
    if (complete) {
      total = merged.size();
    } else {
      for (JpqlFilter branch : branches) {
        total += count(tenantId, from(mapping, branch), branch);
      }
    }
    return new Page<>(items, total);
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> comparable(Object value) {
    return (Comparable<Object>) value;
  }

  /** The resources of {@code ids}, in that order. */
  private <T> List<T> byIds(
      String tenantId,
      ResourceMapping mapping,
      Class<T> type,
      Function<T, String> idOf,
      List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    TypedQuery<T> q =
        em.createQuery(
            "SELECT r FROM " + mapping.entity + " r WHERE r.tenantId = :tenantId AND r.id IN :ids",
            type);
    bind(q, tenantId, Map.of("ids", ids));
    Map<String, T> found = new HashMap<>();
    for (T item : q.getResultList()) {
      found.put(idOf.apply(item), item);
    }
    return ids.stream().map(found::get).filter(Objects::nonNull).toList();
  }

  private static String from(ResourceMapping mapping, JpqlFilter filter) {
    return " FROM "
        + mapping.entity
        + " r"
        + filter.from()
        + " WHERE r.tenantId = :tenantId"
        + filter.where();
  }

  private long count(String tenantId, String from, JpqlFilter filter) {
    TypedQuery<Long> c = em.createQuery("SELECT COUNT(r)" + from, Long.class);
    bind(c, tenantId, filter.parameters());
    return c.getSingleResult();
  }

  private static JpqlFilter where(ResourceMapping mapping, ListParams params) {
    if (params.filter() == null) {
      return new JpqlFilter("", Map.of());
    }
    return conjoined(FilterTranslator.translate(mapping, params.filter(), "r"));
  }

  /** {@code f} to follow the tenant's condition. */
  private static JpqlFilter conjoined(JpqlFilter f) {
    return new JpqlFilter(" AND " + f.where(), f.parameters(), f.from());
  }

  private static String orderBy(ResourceMapping mapping, ListParams params) {
    String direction = params.descending() ? " DESC" : " ASC";
    return " ORDER BY " + sortKey(mapping, params).on("r") + direction + ", r.id" + direction;
  }

  /** What the list is ordered by before the id: {@code sortBy}'s column, else creation time. */
  private static Column sortKey(ResourceMapping mapping, ListParams params) {
    if (params.sortBy() == null) {
      return ResourceMapping.CREATED;
    }
    return mapping
        .sortColumn(params.sortBy())
        .orElseThrow(
            () ->
                ScimBadRequest.invalidValue(
                    "sortBy '"
                        + params.sortBy()
                        + "' is not supported; sortable attributes are"
                        + " id, userName, displayName, externalId, name.givenName,"
                        + " name.familyName, meta.created, meta.lastModified"));
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
