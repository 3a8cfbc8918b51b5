package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.testing.AtOnce;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * 429 with {@code Retry-After}: a tenant over its request rate, and a source over its budget of
 * failed authentications (bearer tokens, staff Basic auth, console sign-in), without ever locking
 * out the legitimate credential, and recovery afterwards. The IT server trusts the loopback
 * client's {@code X-Forwarded-For}, so each test is its own source, and uses a 5-second failure
 * window (pom.xml); the budgets are the defaults (20 unknown tokens, 5 staff failures), shared
 * among the live instances (an instance killed by another test counts until its heartbeat expires).
 */
class ThrottlingIT {
  static final String XFF = "X-Forwarded-For";
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final int BEARER_BUDGET = 20;
  static final int STAFF_BUDGET = 5;

  /** This instance's share of a budget: the budget over {@code scim.instances.live}, rounded up. */
  private static int share(int budget) {
    int live =
        ScimRequestCounts.scrape()
            .lines()
            .filter(l -> l.startsWith("scim_instances_live"))
            .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
            .findFirst()
            .orElseThrow();
    return (budget + live - 1) / live;
  }

  /**
   * Sends {@code request} until it answers 429 (at most {@code max} times); returns that answer.
   */
  private static Response until429(
      Supplier<Response> request, int expectedOtherwise, int max, int[] others) {
    for (int i = 0; i < max; i++) {
      Response r = request.get();
      if (r.statusCode() == 429) {
        return r;
      }
      assertEquals(expectedOtherwise, r.statusCode(), r.asString());
      others[0]++;
    }
    return null;
  }

  /** Polls until {@code request} answers {@code status}, for at most a minute. */
  private static void eventually(Supplier<Response> request, int status)
      throws InterruptedException {
    int last = 0;
    for (int i = 0; i < 120; i++) {
      last = request.get().statusCode();
      if (last == status) {
        return;
      }
      Thread.sleep(500);
    }
    assertEquals(status, last, "still refused after a minute");
  }

  /** A well-formed token ({@code sdscim_} and 43 base64url characters) that no tenant has. */
  private static String unknownToken() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return "sdscim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** Sends one request per token from {@code source}, all at once; counts the statuses. */
  private static Map<Integer, Integer> statusesAllAtOnce(List<String> tokens, String source)
      throws Exception {
    return statusCounts(tokens.size(), client -> scim(tokens.get(client), source).statusCode());
  }

  /** Runs {@code clients} requests all at once; counts their statuses. */
  private static Map<Integer, Integer> statusCounts(int clients, AtOnce.Call<Integer> request)
      throws Exception {
    Map<Integer, Integer> counts = new TreeMap<>();
    AtOnce.run(clients, request).forEach(status -> counts.merge(status, 1, Integer::sum));
    return counts;
  }

  private static Response scim(String token, String source) {
    return given()
        .header("Authorization", "Bearer " + token)
        .header(XFF, source)
        .get(ItConfig.scimBase() + "/Users");
  }

  @Test
  void aTenantOverItsRateGets429WhileOtherTenantsAndOperationsEndpointsDoNot() throws Exception {
    TenantFixture slow = TenantFixture.create("rate-slow");
    TenantFixture other = TenantFixture.create("rate-other");
    String tenantUrl = ItConfig.adminBase() + "/tenants/" + slow.tenantId;
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("rateLimitPerSecond", 1))
        .patch(tenantUrl)
        .then()
        .statusCode(200)
        .body("rateLimitPerSecond", equalTo(1));

    // 1 request/second with a burst of 2: the burst goes through, then 429.
    int burst = share(2);
    int[] served = {0};
    Response refused = until429(() -> slow.scim().get("/Users"), 200, 100, served);
    assertNotNull(refused, "no 429 in 100 requests at 1 request/second");
    assertTrue(served[0] >= burst, "the burst was served first: " + served[0]);
    refused
        .then()
        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
        .contentType(startsWith("application/scim+json"))
        .body("schemas", hasItem(ERROR))
        .body("status", equalTo("429"))
        .body("$", not(hasKey("scimType")))
        .body("detail", containsString("limit 1 per second"));

    // Meanwhile another tenant, health, metrics and the admin API are served.
    other.scim().get("/Users").then().statusCode(200);
    given().get(ItConfig.baseUrl() + "/health/ready").then().statusCode(200);
    admin().get(tenantUrl).then().statusCode(200);
    assertTrue(
        ScimRequestCounts.scrape()
            .lines()
            .anyMatch(
                l -> l.startsWith("scim_throttled_total") && l.contains("reason=\"tenant-rate\"")),
        "throttled requests are counted");

    // After Retry-After the tenant is served again.
    Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000);
    eventually(() -> slow.scim().get("/Users"), 200);

    // Back to the default (100/s, burst 200): twenty quick requests all pass.
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("rateLimitPerSecond", -1))
        .patch(tenantUrl)
        .then()
        .statusCode(200)
        .body("rateLimitPerSecond", nullValue());
    for (int i = 0; i < 20; i++) {
      slow.scim().get("/Users").then().statusCode(200);
    }
  }

  @Test
  void unknownTokensFromOneSourceGet429ButTheValidTokenStillWorksAndTheSourceRecovers()
      throws Exception {
    TenantFixture t = TenantFixture.create("auth-throttle");
    String source = "198.51.100.23";
    String bad = unknownToken();
    int budget = share(BEARER_BUDGET);
    scim(t.token, source).then().statusCode(200);
    TenantFixture.Token retired = TenantFixture.issueToken(t.tenantId, "retired", null);
    scim(retired.secret(), source).then().statusCode(200);

    int[] unauthorized = {0};
    Response refused = until429(() -> scim(bad, source), 401, 10 * BEARER_BUDGET, unauthorized);
    assertNotNull(refused, "no 429 after " + 10 * BEARER_BUDGET + " unknown tokens");
    assertTrue(unauthorized[0] >= budget, "429 only after the budget: " + unauthorized[0]);
    refused
        .then()
        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
        .contentType(startsWith("application/scim+json"))
        .body("status", equalTo("429"))
        .body("$", not(hasKey("scimType")))
        .body("detail", containsString("failed authentications"));

    // The legitimate token still works from the same source.
    scim(t.token, source).then().statusCode(200);
    // A token this instance knows and that was revoked meanwhile is no guess: it gets the truth.
    admin()
        .delete(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens/" + retired.id())
        .then()
        .statusCode(204);
    scim(retired.secret(), source).then().statusCode(401).body("detail", containsString("revoked"));
    // A token this instance has never seen is not even looked up while the source is over budget.
    String fresh =
        admin()
            .contentType(ContentType.JSON)
            .body(Jsons.of("serviceAccount", "fresh"))
            .post(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    scim(fresh, source).then().statusCode(429);
    // Other sources are unaffected.
    scim(bad, "198.51.100.24").then().statusCode(401);

    // After the window the source is answered normally again.
    eventually(() -> scim(bad, source), 401);
    scim(fresh, source).then().statusCode(200);
  }

  @Test
  void parallelUnknownTokensFromOneSourceGetNoMoreLookupsThanTheBudget() throws Exception {
    TenantFixture t = TenantFixture.create("parallel-bearer");
    String source = "198.51.100.57";
    int budget = share(BEARER_BUDGET);
    int clients = 3 * BEARER_BUDGET;
    scim(t.token, source).then().statusCode(200);

    // All at once: each takes a slot of the budget before its token is looked up, so exactly the
    // budget's worth are looked up (401); the rest wait for them and, the budget spent, are refused
    // unchecked (429).
    List<String> guesses = Stream.generate(ThrottlingIT::unknownToken).limit(clients).toList();
    assertEquals(Map.of(401, budget, 429, clients - budget), statusesAllAtOnce(guesses, source));
    // The legitimate token, known to this instance, still works from there.
    scim(t.token, source).then().statusCode(200);
  }

  @Test
  void newTokensSentAllAtOnceFromASourceWithFailuresAreNeverRefused() throws Exception {
    TenantFixture t = TenantFixture.create("parallel-fresh-tokens");
    String source = "198.51.100.61";
    int budget = share(BEARER_BUDGET);
    int clients = 2 * BEARER_BUDGET;
    // Valid tokens this instance has never seen (say, of many customers behind one Entra address).
    List<String> fresh = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      fresh.add(TenantFixture.issueToken(t.tenantId, "fresh-" + i, null).secret());
    }
    // Someone else's stale configuration behind the same address leaves two checks of the budget.
    for (int i = 0; i < budget - 2; i++) {
      scim(unknownToken(), source).then().statusCode(401);
    }
    // Lookups beyond the two left wait for one to end instead of being refused.
    assertEquals(Map.of(200, clients), statusesAllAtOnce(fresh, source));
    // Guesses still spend the budget; the tokens, now known, still work once it is spent.
    scim(unknownToken(), source).then().statusCode(401);
    scim(unknownToken(), source).then().statusCode(401);
    scim(unknownToken(), source).then().statusCode(429);
    scim(fresh.get(0), source).then().statusCode(200);
  }

  private static String newStaff(String prefix, String password) {
    String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("username", user, "password", password, "roles", List.of("support")))
        .post(ItConfig.adminBase() + "/staff")
        .then()
        .statusCode(201);
    return user;
  }

  private static RequestSpecification basic(String user, String password, String source) {
    return given().auth().preemptive().basic(user, password).header(XFF, source);
  }

  @Test
  void wrongStaffPasswordsFromOneSourceGet429WithoutLockingOutTheRightPassword() throws Exception {
    String password = "throttle-password-" + UUID.randomUUID();
    String user = newStaff("throttle", password);
    String source = "203.0.113.41";
    String tenants = ItConfig.adminBase() + "/tenants";
    basic(user, password, source).get(tenants).then().statusCode(200);
    int budget = share(STAFF_BUDGET);

    int[] unauthorized = {0};
    Response refused =
        until429(
            () -> basic(user, "wrong-password", source).get(tenants),
            401,
            10 * STAFF_BUDGET,
            unauthorized);
    assertNotNull(refused, "no 429 after " + 10 * STAFF_BUDGET + " wrong passwords");
    assertTrue(unauthorized[0] >= budget, "429 only after the budget: " + unauthorized[0]);
    refused
        .then()
        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
        .contentType(startsWith("application/json"))
        .body("status", equalTo(429))
        .body("error", equalTo("too_many_requests"))
        .body(not(containsString("wrong-password")));

    // The right password (just verified) still works from there, and so do other accounts.
    basic(user, password, source).get(tenants).then().statusCode(200);
    basic(ItConfig.adminUser(), ItConfig.adminPassword(), source)
        .get(tenants)
        .then()
        .statusCode(200);
    // Other sources are unaffected.
    basic(user, "wrong-password", "203.0.113.42").get(tenants).then().statusCode(401);

    eventually(() -> basic(user, "wrong-password", source).get(tenants), 401);
  }

  @Test
  void parallelWrongPasswordsForOneAccountGetNoMoreChecksThanTheBudget() throws Exception {
    String password = "parallel-password-" + UUID.randomUUID();
    String user = newStaff("parallel", password);
    String source = "203.0.113.57";
    String tenants = ItConfig.adminBase() + "/tenants";
    int budget = share(STAFF_BUDGET);
    int clients = 30;

    // All at once: each takes a slot of the budget before its password is checked, so exactly the
    // budget's worth are checked (401); the rest wait for them and, the budget spent, are refused
    // unchecked (429).
    assertEquals(
        Map.of(401, budget, 429, clients - budget),
        statusCounts(
            clients, client -> basic(user, "wrong-password", source).get(tenants).statusCode()));

    // The right password, never checked during the window, is refused too until it ends.
    basic(user, password, source).get(tenants).then().statusCode(429);
    eventually(() -> basic(user, password, source).get(tenants), 200);
  }

  private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

  /**
   * The console sign-in form, submitted as a browser would (its hidden fields, among them the view
   * state, plus the credentials), from {@code source}.
   */
  private static Response signIn(String user, String password, String source) {
    Response page = given().header(XFF, source).get(ItConfig.baseUrl() + "/login.xhtml");
    RequestSpecification post =
        given()
            .header(XFF, source)
            .cookies(page.getCookies())
            .redirects()
            .follow(false)
            .formParam("login:username", user)
            .formParam("login:password", password)
            .formParam("login:submit", "");
    Matcher hidden = HIDDEN.matcher(page.asString());
    int fields = 0;
    while (hidden.find()) {
      Matcher name = NAME.matcher(hidden.group());
      Matcher value = VALUE.matcher(hidden.group());
      if (name.find()) {
        post.formParam(name.group(1), value.find() ? value.group(1) : "");
        fields++;
      }
    }
    assertTrue(fields > 0, "the sign-in form has hidden fields (view state)");
    // PrimeFaces with CSP on: its script adds the page's nonce to the form before it is posted.
    ConsoleClient.cspNonce(page.asString()).ifPresent(n -> post.formParam("primefaces.nonce", n));
    return post.post(ItConfig.baseUrl() + "/login.xhtml");
  }

  @Test
  void wrongConsoleSignInsFromOneSourceGet429WithoutLockingOutTheRightPassword() throws Exception {
    String password = "console-password-" + UUID.randomUUID();
    String user = newStaff("console-throttle", password);
    String source = "192.0.2.77";
    // Verified once (from elsewhere): known good for the next minute.
    basic(user, password, "192.0.2.1")
        .get(ItConfig.adminBase() + "/tenants")
        .then()
        .statusCode(200);
    signIn(user, "wrong-password", source)
        .then()
        .statusCode(200)
        .body(containsString("Wrong username or password"));

    int budget = share(STAFF_BUDGET);
    int[] wrong = {1};
    Response refused =
        until429(() -> signIn(user, "wrong-password", source), 200, 10 * STAFF_BUDGET, wrong);
    assertNotNull(refused, "no 429 after " + 10 * STAFF_BUDGET + " wrong passwords");
    assertTrue(wrong[0] >= budget, "429 only after the budget: " + wrong[0]);
    refused
        .then()
        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
        .body(containsString("Too many failed sign-ins"));

    // The right password still signs in from there.
    signIn(user, password, source)
        .then()
        .statusCode(302)
        .header("Location", containsString("/console/"));

    eventually(() -> signIn(user, "wrong-password", source), 200);
  }
}
