package co.softdrive.scim.it;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The application's metrics, and {@code scim_requests_total} read from them. */
public final class ScimRequestCounts {
  private ScimRequestCounts() {}

  /** The application's metrics in Prometheus text. */
  public static String scrape() {
    return given()
        .get(ItConfig.baseUrl() + "/metrics?scope=application")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static final Pattern SAMPLE =
      Pattern.compile("^scim_requests_total\\{([^}]*)\\}\\s+(\\S+)");

  /**
   * The value of {@code scim_requests_total} for one operation (null: every operation) and status
   * class; 0 if absent.
   */
  public static long count(String metrics, String operation, String statusClass) {
    return metrics
        .lines()
        .map(SAMPLE::matcher)
        .filter(Matcher::find)
        .filter(
            m ->
                (operation == null || m.group(1).contains("operation=\"" + operation + "\""))
                    && m.group(1).contains("status=\"" + statusClass + "\""))
        .mapToLong(m -> (long) Double.parseDouble(m.group(2)))
        .sum();
  }
}
