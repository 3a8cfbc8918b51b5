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
 * bucket stacked as succeeded / client errors / server errors, and average and maximum latency.
 * Labels are times we format; no tenant data goes into a chart.
 */
final class ChartJson {
  private ChartJson() {}

  static String requests(List<ActivityBucket> buckets, Duration width) {
    return chart(
        "bar",
        buckets,
        width,
        true,
        dataset("Succeeded", "#16a34a", b -> b.requests() - b.errors()),
        dataset("4xx", "#f59e0b", ActivityBucket::clientErrors),
        dataset("5xx", "#dc2626", ActivityBucket::serverErrors));
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

  private record Series(String label, String color, ToLongFunction<ActivityBucket> value) {}

  private static Series dataset(String label, String color, ToLongFunction<ActivityBucket> value) {
    return new Series(label, color, value);
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
      if (type.equals("line")) {
        d.add("fill", false).add("pointRadius", 0).add("tension", 0.2);
      }
      datasets.add(d);
    }
    JsonObjectBuilder axis = JSON.createObjectBuilder().add("stacked", stacked);
    JsonObjectBuilder options =
        JSON.createObjectBuilder()
            .add("responsive", true)
            .add("maintainAspectRatio", false)
            .add("animation", false)
            .add(
                "scales",
                JSON.createObjectBuilder()
                    .add("x", axis)
                    .add(
                        "y",
                        JSON.createObjectBuilder()
                            .add("stacked", stacked)
                            .add("beginAtZero", true)))
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
}
