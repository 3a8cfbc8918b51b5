package co.softdrive.scim.console;

import co.softdrive.scim.activity.ActivityBucket;
import co.softdrive.scim.activity.ActivityEntry;
import co.softdrive.scim.activity.ActivityFilter;
import co.softdrive.scim.activity.ActivityStore;
import co.softdrive.scim.activity.ScimOperation;
import co.softdrive.scim.activity.TenantActivity;
import co.softdrive.scim.inspection.Slice;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Backs {@code console/activity.xhtml}: a tenant's recorded SCIM requests filtered by time range,
 * status class, operation and resource (user or group id), with charts of requests, failures and
 * latency over the range, and the rows paged in the database (newest first).
 */
@Named
@ViewScoped
public class ActivityPage extends TenantBoundPage {
  private static final long serialVersionUID = 1L;

  /** Time ranges offered, label to length. */
  static final Map<String, Duration> RANGES =
      Map.of(
          "1h", Duration.ofHours(1),
          "24h", Duration.ofDays(1),
          "7d", Duration.ofDays(7),
          "14d", Duration.ofDays(14));

  @Inject transient ActivityStore activity;

  private String range = "24h";
  private String status;
  private String operation;
  private String resource;
  private Instant to;
  private TenantActivity summary;
  private String requestsChart;
  private String latencyChart;
  private boolean chartsEmpty;
  private Instant chartsFrom;
  private final PagedModel<ActivityEntry> model =
      new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected long total() {
          return activity.count(filter());
        }

        @Override
        protected List<ActivityEntry> load(Slice slice) {
          return activity.page(filter(), slice.offset(), slice.limit());
        }

        @Override
        protected String id(ActivityEntry row) {
          return row.id();
        }
      };

  public void load() throws IOException {
    if (loadTenant()) {
      refresh();
    }
  }

  /** Applies the filters: new time window ending now, new charts; the table reloads its page. */
  public void refresh() {
    to = Instant.now();
    summary = activity.summary(tenantId, to.toEpochMilli());
    ActivityFilter f = filter();
    List<ActivityBucket> buckets = activity.buckets(f);
    chartsEmpty = buckets.stream().allMatch(b -> b.requests() == 0);
    chartsFrom = null;
    Instant fitted = ChartJson.fittedStart(buckets, f.from(), f.to());
    if (fitted != null) {
      // The requests sit in a small part of the window (Entra's traffic comes in bursts): the
      // charts start at the first of them, in finer buckets, instead of one bar at the edge.
      f =
          new ActivityFilter(
              f.tenantId(), fitted, f.to(), f.statusClass(), f.operation(), f.resourceId());
      buckets = activity.buckets(f);
      chartsFrom = fitted;
    }
    Duration width = ActivityStore.bucketWidth(f.from(), f.to());
    requestsChart = ChartJson.requests(buckets, width);
    latencyChart = ChartJson.latency(buckets, width);
  }

  /** No request in the window: the charts say so instead of drawing empty axes. */
  public boolean isChartsEmpty() {
    return chartsEmpty;
  }

  /** Where the charts start when fitted to the data, or null when they show the whole window. */
  public Instant getChartsFrom() {
    return chartsFrom;
  }

  ActivityFilter filter() {
    Instant end = to == null ? Instant.now() : to;
    Integer statusClass;
    try {
      statusClass = ActivityFilter.statusClassOf(status);
    } catch (IllegalArgumentException e) {
      statusClass = null;
    }
    String op = operation != null && ScimOperation.NAMES.contains(operation) ? operation : null;
    return new ActivityFilter(
        tenantId,
        end.minus(RANGES.getOrDefault(String.valueOf(range), Duration.ofDays(1))),
        end,
        statusClass,
        op,
        resource);
  }

  public List<String> getOperations() {
    return ScimOperation.NAMES;
  }

  public PagedModel<ActivityEntry> getModel() {
    return model;
  }

  public boolean isFiltered() {
    return (status != null && !status.isBlank())
        || (operation != null && !operation.isBlank())
        || (resource != null && !resource.isBlank());
  }

  public TenantActivity getSummary() {
    return summary;
  }

  public String getRequestsChart() {
    return requestsChart;
  }

  public String getLatencyChart() {
    return latencyChart;
  }

  public String getRange() {
    return range;
  }

  public void setRange(String range) {
    this.range = range != null && RANGES.containsKey(range) ? range : "24h";
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getOperation() {
    return operation;
  }

  public void setOperation(String operation) {
    this.operation = operation;
  }

  public String getResource() {
    return resource;
  }

  public void setResource(String resource) {
    this.resource = resource;
  }
}
