package co.softdrive.scim.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.softdrive.scim.it.ConsoleClient;
import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.Jsons;
import co.softdrive.scim.it.ScimRequestCounts;
import co.softdrive.scim.it.ServerControl;
import co.softdrive.scim.it.TenantFixture;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A database outage (docs/reliability.md#degraded-database) on PostgreSQL: while the database
 * admits no connections and the server's are cut, readiness is DOWN and every SCIM request answers
 * 503 with Retry-After and a SCIM error body (not 500, not 401, and within the client's 30-second
 * bound), for longer than the token cache lives; when the database is back, the same server (same
 * process) is ready and serves requests again without a restart. The staff surfaces (admin API,
 * change feed, console) answer 503 with Retry-After too, whatever the credentials: during an outage
 * nobody can tell a wrong password from a right one, and a 401 or 403 would read as permanent.
 */
class DegradedDatabaseIT {
  private static final Logger LOG = Logger.getLogger(DegradedDatabaseIT.class.getName());

  /** Longer than scim.auth.cache-seconds (5): requests with and without a cached token verdict. */
  static final long OUTAGE_MILLIS = 7_000;

  static final String TENANTS_PAGE = "/console/tenants.xhtml";
  static final String STYLESHEET = "/jakarta.faces.resource/console.css.xhtml?ln=console";

  @Test
  void databaseOutageAnswers503WithRetryAfterThenTheSameProcessRecoversByItself() throws Exception {
    assumeTrue(
        ItConfig.dbKind().equals("postgres"),
        "embedded Derby runs inside the server's JVM and cannot fail on its own; .ci/run runs this test in its PostgreSQL pass");
    TenantFixture t = TenantFixture.create("degraded");
    Http http = new Http(t.token, Duration.ofSeconds(30));
    String user = t.createUser("steady-" + UUID.randomUUID() + "@example.com");
    String group = t.createGroup("steady-" + UUID.randomUUID());
    long pid = ServerControl.process().pid();
    List<String> refusedWrites = new ArrayList<>();
    int answered = 0;
    long slowestMillis = 0;

    long serverErrorsBefore = ScimRequestCounts.count(ScimRequestCounts.scrape(), null, "5xx");

    try (PostgresOutage outage = PostgresOutage.begin(System.getProperty("it.pg.database"))) {
      awaitReadiness(503);
      long end = System.currentTimeMillis() + OUTAGE_MILLIS;
      for (int i = 0; System.currentTimeMillis() < end || i < 5; i++) {
        String userName = "during-outage-" + UUID.randomUUID() + "@example.com";
        long start = System.nanoTime();
        Http.Reply r =
            switch (i % 5) {
              case 0 -> http.send("GET", "/Users/" + user, null);
              case 1 -> http.send("GET", "/Users?filter=userName+eq+%22" + userName + "%22", null);
              case 2 -> http.send("POST", "/Users", Bodies.user(userName));
              case 3 ->
                  http.send(
                      "PATCH",
                      "/Users/" + user,
                      Bodies.patch(Bodies.op("Replace", "title", Bodies.str("outage"))));
              default ->
                  http.send(
                      "PATCH",
                      "/Groups/" + group,
                      Bodies.patch(Bodies.members("Add", List.of(user))));
            };
        slowestMillis = Math.max(slowestMillis, (System.nanoTime() - start) / 1_000_000);
        assertUnavailable(r);
        answered++;
        if (i % 5 == 2) {
          refusedWrites.add(userName);
        }
      }
      assertEquals(503, readiness().statusCode());
    }

    awaitReadiness(200);
    assertEquals(pid, ServerControl.process().pid(), "the server was restarted");
    assertTrue(
        ScimRequestCounts.count(ScimRequestCounts.scrape(), null, "5xx") - serverErrorsBefore
            >= answered,
        "every 503 of the outage is counted in scim_requests_total{status=\"5xx\"}, which the"
            + " operations alert reads");
    assertEquals(200, http.send("GET", "/Users/" + user, null).status());
    assertEquals(
        201,
        http.send(
                "POST", "/Users", Bodies.user("after-outage-" + UUID.randomUUID() + "@example.com"))
            .status());
    JsonObject patched =
        http.send(
                "PATCH",
                "/Users/" + user,
                Bodies.patch(Bodies.op("Replace", "title", Bodies.str("back"))))
            .json();
    assertEquals("back", patched.getString("title"));
    assertEquals(
        204,
        http.send("PATCH", "/Groups/" + group, Bodies.patch(Bodies.members("Add", List.of(user))))
            .status());
    for (String userName : refusedWrites) {
      JsonObject found =
          http.send("GET", "/Users?filter=userName+eq+%22" + userName + "%22", null).json();
      assertEquals(
          0, found.getInt("totalResults"), "a write answered 503 was applied: " + userName);
    }
    LOG.log(
        Level.INFO,
        "DegradedDatabaseIT: {0} SCIM requests during the outage, all 503 with Retry-After, slowest {1} ms;"
            + " ready again and serving without restart",
        new Object[] {answered, slowestMillis});
  }

  @Test
  void staffSurfacesAnswer503WithRetryAfterDuringAnOutageWhateverTheCredentials() throws Exception {
    assumeTrue(
        ItConfig.dbKind().equals("postgres"),
        "embedded Derby runs inside the server's JVM and cannot fail on its own; .ci/run runs this test in its PostgreSQL pass");
    String admin = ItConfig.adminUser();
    String adminPassword = ItConfig.adminPassword();
    String consumerPassword = "feed-consumer-" + UUID.randomUUID();
    String consumer = "feed-" + UUID.randomUUID().toString().substring(0, 8);
    TenantFixture.admin()
        .contentType("application/json")
        .body(
            Jsons.of(
                "username", consumer, "password", consumerPassword, "roles", List.of("events")))
        .post(ItConfig.adminBase() + "/staff")
        .then()
        .statusCode(201);
    ConsoleClient console = ConsoleClient.signedIn(admin, adminPassword);
    ConsoleClient.Page before = console.get(TENANTS_PAGE);
    assertEquals(200, before.status());
    assertTrue(before.body().contains(STYLESHEET), "the console's own stylesheet link");
    // Its own source, so that the wrong passwords below touch no other test's budget.
    String source = "198.51.100.203";
    int answered = 0;

    long serverErrorsBefore = ScimRequestCounts.count(ScimRequestCounts.scrape(), null, "5xx");

    try (PostgresOutage outage = PostgresOutage.begin(System.getProperty("it.pg.database"))) {
      awaitReadiness(503);
      for (int round = 0; round < 3; round++) {
        // The admin API and the feed: right, wrong and unknown credentials alike.
        assertAdminUnavailable(staffGet("/tenants", admin, adminPassword, source));
        assertAdminUnavailable(staffGet("/tenants", admin, "wrong-password", source));
        assertAdminUnavailable(staffGet("/tenants", "no-such-staff", "wrong-password", source));
        assertAdminUnavailable(staffGet("/events", consumer, consumerPassword, source));
        assertAdminUnavailable(staffGet("/events?after=0", consumer, "wrong-password", source));
        // The console: a signed-in session, and signing in (right or wrong password).
        assertConsoleUnavailable(console.get(TENANTS_PAGE));
        assertEquals(200, console.get(STYLESHEET).status(), "the page keeps its style");
        assertConsoleUnavailable(new ConsoleClient().signIn(admin, adminPassword));
        assertConsoleUnavailable(new ConsoleClient().signIn(admin, "wrong-password"));
        answered += 8;
      }
    }

    awaitReadiness(200);
    assertEquals(200, staffGet("/tenants", admin, adminPassword, source).status());
    assertEquals(200, staffGet("/events", consumer, consumerPassword, source).status());
    assertEquals(401, staffGet("/tenants", admin, "wrong-password", source).status());
    ConsoleClient.Page again = console.get(TENANTS_PAGE);
    assertEquals(200, again.status(), "the console session outlived the outage");
    assertTrue(again.path().startsWith("/console/"), again.path());
    LOG.log(
        Level.INFO,
        "DegradedDatabaseIT: {0} admin API, feed and console requests during the outage, all 503"
            + " with Retry-After",
        answered);
  }

  private static Http.Reply staffGet(String path, String user, String password, String source)
      throws IOException {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return Http.get(
        ItConfig.adminBase() + path, "Authorization", "Basic " + basic, "X-Forwarded-For", source);
  }

  /** The admin API's own error body, not the HTML denied page. */
  private static void assertAdminUnavailable(Http.Reply r) {
    assertEquals(503, r.status(), r::toString);
    assertTrue(
        r.retryAfter() != null && Integer.parseInt(r.retryAfter()) > 0,
        "Retry-After: " + r.retryAfter());
    JsonObject body = r.json();
    assertEquals(503, body.getInt("status"));
    assertEquals("service_unavailable", body.getString("error"));
    assertTrue(body.getString("detail").contains("unavailable"), body::toString);
  }

  private static void assertConsoleUnavailable(ConsoleClient.Page page) {
    assertEquals(503, page.status(), () -> page.path() + " " + page.body());
    String retryAfter = page.header("Retry-After");
    assertTrue(
        retryAfter != null && Integer.parseInt(retryAfter) > 0, "Retry-After: " + retryAfter);
    assertTrue(page.body().contains("temporarily unavailable"), page::body);
    assertTrue(page.body().contains(STYLESHEET), "a page in the console's style");
  }

  private static void assertUnavailable(Http.Reply r) {
    assertEquals(503, r.status(), r::toString);
    assertTrue(
        r.retryAfter() != null && Integer.parseInt(r.retryAfter()) > 0,
        "Retry-After: " + r.retryAfter());
    JsonObject body = r.json();
    assertEquals(
        "urn:ietf:params:scim:api:messages:2.0:Error", body.getJsonArray("schemas").getString(0));
    assertEquals("503", body.getString("status"));
  }

  private static void awaitReadiness(int status) throws Exception {
    long deadline = System.currentTimeMillis() + 90_000;
    int last = -1;
    while (System.currentTimeMillis() < deadline) {
      last = readiness().statusCode();
      if (last == status) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("/health/ready answered " + last + ", not " + status + ", for 90 s");
  }

  private static HttpResponse<String> readiness() throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(ItConfig.baseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
