package co.softdrive.scim.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The counter {@code scim.throttled} (Prometheus: {@code scim_throttled_total}), tagged with the
 * reason a request was refused with 429.
 */
@ApplicationScoped
public class ThrottleMetrics {
  static final Metadata THROTTLED =
      Metadata.builder()
          .withName("scim.throttled")
          .withDescription("Requests refused with 429, by reason")
          .build();

  /** Why a request was refused. */
  public enum Reason {
    /** A tenant's SCIM request rate. */
    TENANT_RATE("tenant-rate"),
    /** Too many unknown bearer tokens from one source. */
    BEARER_FAILURES("bearer-failures"),
    /** Too many failed staff sign-ins for one username from one source. */
    STAFF_FAILURES("staff-failures");

    private final String tag;

    Reason(String tag) {
      this.tag = tag;
    }
  }

  @Inject MetricRegistry registry;

  void count(Reason reason) {
    registry.counter(THROTTLED, new Tag("reason", reason.tag)).inc();
  }
}
