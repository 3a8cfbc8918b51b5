package co.softdrive.scim.it.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.TenantFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bounded version of test vector T37 (docs/entra.md#test-vectors): 10 seconds of Entra-like
 * traffic at ~25 requests/second for one tenant (filter GETs, user PATCHes, group member PATCHes),
 * with no 5xx and no 429. The 5-minute sustained run belongs to the benchmark, not to {@code mvn
 * verify}.
 */
class SustainedLoadIT {
  static final int RATE = 25;
  static final int SECONDS = 10;

  @Test
  void tenSecondsOfMixedFilterAndPatchTrafficAtTwentyFivePerSecondNeverAnswers5xxOr429()
      throws Exception {
    TenantFixture t = TenantFixture.create("scim-load");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      names.add(Scim.unique("load") + "@example.com");
    }
    List<String> ids = new ArrayList<>();
    for (String n : names) {
      ids.add(t.createUser(n));
    }
    String group = t.createGroup(Scim.unique("load-group"));

    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    long start = System.nanoTime();
    int total = RATE * SECONDS;
    for (int i = 0; i < total; i++) {
      long due = start + TimeUnit.MILLISECONDS.toNanos(i * 1000L / RATE);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      responses.add(
          Scim.jdk()
              .sendAsync(request(t, i, names, ids, group), HttpResponse.BodyHandlers.ofString()));
    }
    Map<Integer, Integer> byStatus = new TreeMap<>();
    for (CompletableFuture<HttpResponse<String>> f : responses) {
      HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
      byStatus.merge(r.statusCode(), 1, Integer::sum);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(
        byStatus.keySet().stream().noneMatch(s -> s >= 500 || s == 429), "statuses " + byStatus);
    int ok = byStatus.getOrDefault(200, 0) + byStatus.getOrDefault(204, 0);
    assertEquals(total, ok, "every request succeeds: " + byStatus);
    assertTrue(seconds < SECONDS * 3, "the traffic was actually sustained, took " + seconds + " s");
  }

  /** Round-robin: filter by userName, filter by externalId-less probe, user PATCH, member PATCH. */
  private static HttpRequest request(
      TenantFixture t, int i, List<String> names, List<String> ids, String group) {
    String user = ids.get(i % ids.size());
    HttpRequest.Builder b =
        HttpRequest.newBuilder()
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + t.token);
    String base = ItConfig.scimBase();
    switch (i % 4) {
      case 0 ->
          b.uri(
                  URI.create(
                      base
                          + "/Users?filter="
                          + URLEncoder.encode(
                              "userName eq \"" + names.get(i % names.size()) + "\"",
                              StandardCharsets.UTF_8)))
              .GET();
      case 1 ->
          b.uri(
                  URI.create(
                      base + "/Users?filter=userName+eq+%22" + java.util.UUID.randomUUID() + "%22"))
              .GET();
      case 2 ->
          b.uri(URI.create(base + "/Users/" + user))
              .header("Content-Type", Scim.SCIM_JSON_UTF8)
              .method(
                  "PATCH",
                  HttpRequest.BodyPublishers.ofString(
                      Scim.patch(
                          "{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"Load "
                              + i
                              + "\"}",
                          "{\"op\": \"Replace\", \"path\": \"active\", \"value\": \""
                              + (i % 8 == 2 ? "False" : "True")
                              + "\"}")));
      default ->
          b.uri(URI.create(base + "/Groups/" + group))
              .header("Content-Type", Scim.SCIM_JSON_UTF8)
              .method(
                  "PATCH",
                  HttpRequest.BodyPublishers.ofString(
                      Scim.patch(
                          "{\"op\": \""
                              + (i % 8 == 3 ? "Add" : "Remove")
                              + "\", \"path\": \"members\", \"value\": [{\"value\": \""
                              + user
                              + "\"}]}")));
    }
    return b.build();
  }
}
