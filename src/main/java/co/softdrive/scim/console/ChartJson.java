package co.softdrive.scim.console;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.activity.ActivityBucket;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Chart.js configurations (the JSON that {@code p:chart} takes) for the activity page: requests per
 * bucket, succeeded on the left axis and failures (client errors stacked on server errors) beside
 * them on their own axis at the right, so 9 failures among 1,105 requests stay visible; and average
 * and maximum latency. Labels are times we format; no tenant data goes into a chart.
 */
final class ChartJson {
  /** A window whose requests all fall in its last quarter is fitted to them. */
  static final int FIT_FRACTION = 4;

  private ChartJson() {}

  static String requests(List<ActivityBucket> buckets, Duration width) {
    return chart(
        "bar",
        buckets,
        width,
        true,
        dataset("Succeeded", "#16a34a", b -> b.requests() - b.errors()).on("y", "ok"),
        dataset("Failed 4xx", "#f59e0b", ActivityBucket::clientErrors).on("y1", "failed"),
        dataset("Failed 5xx", "#dc2626", ActivityBucket::serverErrors).on("y1", "failed"));
  }

  /**
   * Where a chart of this window should start to show its requests instead of one bar at the edge:
   * one bucket before the first bucket with a request, when that lies in the window's last quarter;
   * null to keep the window (no request at all, or requests spread over it).
   */
  static java.time.Instant fittedStart(
      List<ActivityBucket> buckets, java.time.Instant from, java.time.Instant to) {
    java.time.Instant first = null;
    java.time.Instant previous = null;
    for (ActivityBucket b : buckets) {
      if (b.requests() > 0) {
        first = previous == null ? b.start() : previous;
        break;
      }
      previous = b.start();
    }
    if (first == null) {
      return null;
    }
    long window = Duration.between(from, to).toMillis();
    long used = Duration.between(first, to).toMillis();
    return used * FIT_FRACTION <= window ? first : null;
  }

  static String latency(List<ActivityBucket> buckets, Duration width) {
    return chart(
        "line",
        buckets,
        width,
        false,
        dataset("Average ms", "#2563eb", ActivityBucket::avgLatencyMs),
        dataset("Max ms", "#9333ea", ActivityBucket::maxLatencyMs));
  }

  private record Series(
      String label, String color, ToLongFunction<ActivityBucket> value, String axis, String stack) {
    /** On the y axis {@code axis}, stacked with the series of the same {@code stack}. */
    Series on(String axis, String stack) {
      return new Series(label, color, value, axis, stack);
    }
  }

  private static Series dataset(String label, String color, ToLongFunction<ActivityBucket> value) {
    return new Series(label, color, value, null, null);
  }

  private static String chart(
      String type,
      List<ActivityBucket> buckets,
      Duration width,
      boolean stacked,
      Series... series) {
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern(width.toHours() >= 24 ? "MM-dd" : "MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    JsonArrayBuilder labels = JSON.createArrayBuilder();
    buckets.forEach(b -> labels.add(f.format(b.start())));
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    for (Series s : series) {
      JsonArrayBuilder data = JSON.createArrayBuilder();
      buckets.forEach(b -> data.add(s.value().applyAsLong(b)));
      JsonObjectBuilder d =
          JSON.createObjectBuilder()
              .add("label", s.label())
              .add("data", data)
              .add("backgroundColor", s.color())
              .add("borderColor", s.color());
      if (s.axis() != null) {
        d.add("yAxisID", s.axis()).add("stack", s.stack());
      }
      if (type.equals("line")) {
        d.add("fill", false).add("pointRadius", 0).add("tension", 0.2);
      }
      datasets.add(d);
    }
    JsonObjectBuilder axis = JSON.createObjectBuilder().add("stacked", stacked);
    JsonObjectBuilder scales =
        JSON.createObjectBuilder()
            .add("x", axis)
            .add("y", yAxis(stacked, series[0].axis() == null ? null : series[0].label(), "left"));
    for (Series s : series) {
      if (s.axis() != null && !s.axis().equals("y")) {
        scales.add(
            s.axis(),
            yAxis(stacked, "Failed", "right")
                .add("grid", JSON.createObjectBuilder().add("drawOnChartArea", false)));
        break;
      }
    }
    JsonObjectBuilder options =
        JSON.createObjectBuilder()
            .add("responsive", true)
            .add("maintainAspectRatio", false)
            .add("animation", false)
            .add("scales", scales)
            .add(
                "plugins",
                JSON.createObjectBuilder()
                    .add("legend", JSON.createObjectBuilder().add("position", "bottom")));
    return JSON.createObjectBuilder()
        .add("type", type)
        .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add("options", options)
        .build()
        .toString();
  }

  private static JsonObjectBuilder yAxis(boolean stacked, String title, String position) {
    JsonObjectBuilder y =
        JSON.createObjectBuilder()
            .add("stacked", stacked)
            .add("beginAtZero", true)
            .add("position", position)
            .add("ticks", JSON.createObjectBuilder().add("precision", 0));
    if (title != null) {
      y.add("title", JSON.createObjectBuilder().add("display", true).add("text", title));
    }
    return y;
  }
}
