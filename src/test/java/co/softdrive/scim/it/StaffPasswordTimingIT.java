package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Staff accounts cannot be enumerated by timing: a wrong password costs the same whether the
 * account exists, is disabled or does not exist (one PBKDF2 verification each). Compares medians of
 * {@value #ATTEMPTS} interleaved attempts; each attempt comes from its own address ({@code
 * X-Forwarded-For}, trusted from the loopback client in the IT server) so that the failure budget
 * never answers 429 instead.
 */
class StaffPasswordTimingIT {
  private static final Logger LOG = Logger.getLogger(StaffPasswordTimingIT.class.getName());
  static final int ATTEMPTS = 15;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Test
  void aWrongPasswordTakesAsLongForAnUnknownOrDisabledAccountAsForAnExistingOne() throws Exception {
    String existing = newStaff("timing");
    String disabled = newStaff("timing-disabled");
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("enabled", false))
        .patch(ItConfig.adminBase() + "/staff/" + disabled)
        .then()
        .statusCode(200);
    String unknown = "timing-nobody-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> names = List.of(existing, unknown, disabled);

    // Warm-up (JIT, connection), then the three kinds interleaved so that load hits all alike.
    for (int i = 0; i < 2; i++) {
      for (String name : names) {
        wrongPasswordMillis(name, "198.18.0." + (10 * i + names.indexOf(name)));
      }
    }
    Map<String, double[]> millis =
        Map.of(
            existing, new double[ATTEMPTS],
            unknown, new double[ATTEMPTS],
            disabled, new double[ATTEMPTS]);
    for (int i = 0; i < ATTEMPTS; i++) {
      for (String name : names) {
        millis.get(name)[i] =
            wrongPasswordMillis(name, "198.18." + (1 + i) + "." + names.indexOf(name));
      }
    }

    double existingMedian = median(millis.get(existing));
    double unknownMedian = median(millis.get(unknown));
    double disabledMedian = median(millis.get(disabled));
    LOG.log(
        Level.INFO,
        "StaffPasswordTimingIT: median of {0} wrong passwords: existing {1} ms, unknown {2} ms,"
            + " disabled {3} ms",
        new Object[] {ATTEMPTS, existingMedian, unknownMedian, disabledMedian});
    assertRatio("unknown", unknownMedian, existingMedian);
    assertRatio("disabled", disabledMedian, existingMedian);
  }

  private static void assertRatio(String kind, double median, double existingMedian) {
    double ratio = median / existingMedian;
    assertTrue(
        ratio >= 0.5 && ratio <= 2.0,
        "a wrong password for an "
            + kind
            + " account takes "
            + median
            + " ms (median), for an existing one "
            + existingMedian
            + " ms: ratio "
            + ratio);
  }

  private static String newStaff(String prefix) {
    String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    admin()
        .contentType(ContentType.JSON)
        .body(
            Jsons.of(
                "username",
                user,
                "password",
                "timing-password-" + UUID.randomUUID(),
                "roles",
                List.of("support")))
        .post(ItConfig.adminBase() + "/staff")
        .then()
        .statusCode(201);
    return user;
  }

  /** One admin API call with a wrong password from {@code source}; must be refused with 401. */
  private static double wrongPasswordMillis(String user, String source) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":wrong-password").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(ItConfig.adminBase() + "/tenants"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Basic " + basic)
            .header("X-Forwarded-For", source)
            .GET()
            .build();
    long start = System.nanoTime();
    HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    double elapsed = (System.nanoTime() - start) / 1e6;
    assertEquals(401, r.statusCode(), r.body());
    return elapsed;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
