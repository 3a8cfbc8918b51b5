package co.softdrive.scim.activity;

import co.softdrive.scim.persistence.ActivityLog;
import co.softdrive.scim.persistence.ActivityRow;
import co.softdrive.scim.persistence.ActivityStats;
import co.softdrive.scim.persistence.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request log as the recorder, the console and the admin API use it: entries written in
 * batches, the retention purge, a page of entries, a count, per-bucket counts for charts (the
 * bucket width, and every bucket present), a tenant's summary. The SQL is {@code
 * persistence.ActivityLog} and {@code persistence.ActivityStats}; this class maps entries and
 * filters onto their rows and criteria.
 */
@ApplicationScoped
public class ActivityStore {
  /** Bucket widths the charts use; the smallest that gives at most {@link #MAX_BUCKETS}. */
  static final List<Duration> WIDTHS =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(3),
          Duration.ofHours(6),
          Duration.ofDays(1));

  static final int MAX_BUCKETS = 120;

  @Inject ActivityLog log;
  @Inject ActivityStats stats;

  /** Inserts entries in one batch and one transaction. */
  public void insert(List<ActivityEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    List<ActivityRow> rows = new ArrayList<>(entries.size());
    for (ActivityEntry e : entries) {
      rows.add(row(e));
    }
    log.insert(rows);
  }

  /** Deletes rows older than the cutoff, tenant by tenant (idempotent; run under a job lease). */
  public int purgeOlderThan(long cutoffMillis) {
    return log.purgeOlderThan(cutoffMillis);
  }

  /** One page of entries, newest first. */
  public List<ActivityEntry> page(ActivityFilter f, int offset, int limit) {
    return log.page(TenantId.of(f.tenantId()), criteria(f), offset, limit).stream()
        .map(ActivityStore::entry)
        .toList();
  }

  public long count(ActivityFilter f) {
    return log.count(TenantId.of(f.tenantId()), criteria(f));
  }

  /**
   * Requests, failures and latency per time bucket between {@code f.from()} and {@code f.to()}
   * (both required); every bucket is present, empty ones with zeros.
   */
  public List<ActivityBucket> buckets(ActivityFilter f) {
    long from = f.from().toEpochMilli();
    long to = f.to().toEpochMilli();
    long width = bucketWidth(f.from(), f.to()).toMillis();
    long origin = from - Math.floorMod(from, width);
    Map<Long, ActivityStats.Bucket> byIndex = new HashMap<>();
    for (ActivityStats.Bucket b :
        stats.buckets(TenantId.of(f.tenantId()), criteria(f), origin, width)) {
      byIndex.put(b.index(), b);
    }
    List<ActivityBucket> all = new ArrayList<>();
    for (long i = 0; origin + i * width < to; i++) {
      Instant start = Instant.ofEpochMilli(origin + i * width);
      ActivityStats.Bucket b = byIndex.get(i);
      all.add(
          b == null
              ? new ActivityBucket(start, 0, 0, 0, 0, 0)
              : new ActivityBucket(
                  start,
                  b.requests(),
                  b.clientErrors(),
                  b.serverErrors(),
                  b.requests() == 0 ? 0 : b.latencySumMs() / b.requests(),
                  b.maxLatencyMs()));
    }
    return all;
  }

  /** Last request, last successful request, requests and failures in the last 24 hours. */
  public TenantActivity summary(String tenantId, long now) {
    ActivityStats.Summary s = stats.summary(TenantId.of(tenantId), now - 86_400_000L);
    if (s.lastRequest() == null) {
      return TenantActivity.none(tenantId);
    }
    return new TenantActivity(
        tenantId,
        Instant.ofEpochMilli(s.lastRequest()),
        s.lastSuccess() == null ? null : Instant.ofEpochMilli(s.lastSuccess()),
        s.requests(),
        s.failures());
  }

  /** The smallest width that divides the range into at most {@link #MAX_BUCKETS} buckets. */
  public static Duration bucketWidth(Instant from, Instant to) {
    long range = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
    for (Duration d : WIDTHS) {
      if (range / d.toMillis() <= MAX_BUCKETS) {
        return d;
      }
    }
    return WIDTHS.get(WIDTHS.size() - 1);
  }

  /**
   * The criteria of a filter: its time range, and its status class as a range ({@code 4} is 400 to
   * 499, {@code 0} any failure, 400 and above).
   */
  static ActivityLog.Criteria criteria(ActivityFilter f) {
    Integer atLeast = null;
    Integer below = null;
    if (f.statusClass() != null) {
      if (f.statusClass() == 0) {
        atLeast = 400;
      } else {
        atLeast = f.statusClass() * 100;
        below = f.statusClass() * 100 + 100;
      }
    }
    return new ActivityLog.Criteria(
        f.from() == null ? null : f.from().toEpochMilli(),
        f.to() == null ? null : f.to().toEpochMilli(),
        atLeast,
        below,
        f.operation(),
        f.resourceId());
  }

  static ActivityRow row(ActivityEntry e) {
    ResourceChange ch = e.change();
    boolean counted = ch != null && ch.kind() != null;
    return new ActivityRow(
        e.id(),
        e.tenantId(),
        e.atMillis(),
        e.tokenPrefix(),
        e.method(),
        e.path(),
        e.operation(),
        e.resourceType(),
        e.resourceId(),
        e.status(),
        e.scimType(),
        e.detail(),
        e.filter(),
        e.latencyMs(),
        ch == null ? null : ch.resourceName(),
        ch == null ? null : ch.kind(),
        ch == null ? null : ch.summary(),
        counted ? ch.membersAdded() : null,
        counted ? ch.membersRemoved() : null);
  }

  static ActivityEntry entry(ActivityRow r) {
    ResourceChange change =
        r.resourceName() == null && r.changeKind() == null
            ? null
            : new ResourceChange(
                r.resourceName(),
                r.changeKind(),
                r.changeSummary(),
                r.membersAdded() == null ? 0 : r.membersAdded(),
                r.membersRemoved() == null ? 0 : r.membersRemoved());
    return new ActivityEntry(
        r.id(),
        r.tenantId(),
        r.atMillis(),
        r.tokenPrefix(),
        r.method(),
        r.path(),
        r.operation(),
        r.resourceType(),
        r.resourceId(),
        r.status(),
        r.scimType(),
        r.detail(),
        r.filter(),
        r.latencyMs(),
        change);
  }
}
