package co.softdrive.scim.inspection;

import co.softdrive.scim.activity.ActivityStore;
import co.softdrive.scim.activity.HealthStatus;
import co.softdrive.scim.activity.TenantActivity;
import co.softdrive.scim.persistence.TenantEntity;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.TenantReadModel;
import co.softdrive.scim.persistence.Tenants;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tenants list: search by name (case-insensitive substring), sort by name, status or creation
 * time, paged in the database. Counts and activity are computed for the rows of the page only.
 */
@ApplicationScoped
@QuietClientErrors
public class TenantDirectory {
  static final Map<String, TenantReadModel.Sort> SORTS =
      Map.of(
          "name", TenantReadModel.Sort.NAME,
          "status", TenantReadModel.Sort.STATUS,
          "createdAt", TenantReadModel.Sort.CREATED_AT);

  @Inject TenantReadModel directory;
  @Inject Tenants tenants;
  @Inject ActivityStore activity;
  @Inject HealthService health;

  @Transactional
  public long count(String search) {
    return directory.count(search);
  }

  /** Tenants whose name matches and whose health is {@code status}. */
  @Transactional
  public long count(String search, HealthStatus status) {
    return status == null ? count(search) : byHealth(search, status).size();
  }

  /**
   * A page of tenants by name search and health. Sorting or filtering by health computes the health
   * of every tenant that matches the search (a few indexed queries each, see {@link HealthService})
   * and pages in memory: the cost grows with the number of tenants, never with their size.
   */
  @Transactional
  public List<TenantRow> page(String search, HealthStatus status, Slice slice) {
    if (status == null && !"health".equals(slice.sortField())) {
      return page(search, slice);
    }
    // Each matching tenant's health is worked out once, for the filter and the order alike.
    List<TenantEntity> all = new ArrayList<>();
    Map<String, Integer> rank = new HashMap<>();
    for (TenantEntity t : directory.matching(search)) {
      HealthStatus s = health.of(t.getId(), false).healthStatus();
      if (status == null || s == status) {
        all.add(t);
        rank.put(t.getId(), s.ordinal());
      }
    }
    Comparator<TenantEntity> order =
        Comparator.comparing((TenantEntity t) -> rank.get(t.getId()))
            .thenComparing((TenantEntity t) -> t.getName().toLowerCase(Locale.ROOT))
            .thenComparing(TenantEntity::getId);
    if (!slice.ascending()) {
      order = order.reversed();
    }
    List<TenantEntity> sorted = all.stream().sorted(order).toList();
    int from = Math.min(sorted.size(), Math.max(0, slice.offset()));
    int to = Math.min(sorted.size(), from + Math.max(1, slice.limit()));
    return rows(sorted.subList(from, to));
  }

  private List<TenantEntity> byHealth(String search, HealthStatus status) {
    List<TenantEntity> all = directory.matching(search);
    if (status == null) {
      return all;
    }
    return all.stream().filter(t -> health.of(t.getId(), false).healthStatus() == status).toList();
  }

  @Transactional
  public List<TenantRow> page(String search, Slice slice) {
    TenantReadModel.Sort sort =
        SORTS.getOrDefault(String.valueOf(slice.sortField()), TenantReadModel.Sort.NAME);
    return rows(directory.page(search, sort, slice.ascending(), slice.offset(), slice.limit()));
  }

  /** One tenant's row (counts and activity), for its detail page. */
  @Transactional
  public TenantRow row(String tenantId) {
    TenantEntity t =
        TenantIds.of(tenantId)
            .flatMap(tenants::find)
            .orElseThrow(() -> ScimErrors.notFound("Tenant " + tenantId + " not found"));
    return rows(List.of(t)).get(0);
  }

  private List<TenantRow> rows(List<TenantEntity> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    List<TenantId> ids = page.stream().map(t -> TenantId.of(t.getId())).toList();
    Map<String, TenantReadModel.UserCounts> users = directory.userCounts(ids);
    Map<String, Long> groups = directory.groupCounts(ids);
    long now = System.currentTimeMillis();
    Map<String, Long> tokens = directory.activeTokenCounts(ids, now);
    return page.stream()
        .map(
            t -> {
              TenantReadModel.UserCounts u =
                  users.getOrDefault(t.getId(), TenantReadModel.UserCounts.NONE);
              TenantActivity a = activity.summary(t.getId(), now);
              return new TenantRow(
                  t.getId(),
                  t.getName(),
                  t.getStatus().apiName(),
                  Instant.ofEpochMilli(t.getCreatedAt()),
                  u.users(),
                  u.active(),
                  u.tombstones(),
                  groups.getOrDefault(t.getId(), 0L),
                  tokens.getOrDefault(t.getId(), 0L),
                  a.lastRequestAt(),
                  a.requests24h(),
                  a.errors24h(),
                  health.of(t.getId(), false));
            })
        .toList();
  }
}
