package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The HTTP edge against what an outside tester sent, one test per finding with the reported request
 * first: how a path is spelled never decides who gets in (SCIM and admin API), JSON numbers past
 * the parser's limit and duplicate keys are client errors, and the 400s the container sends before
 * JAX-RS runs carry the API's error body. Requests go out over a plain socket ({@link RawHttp}) so
 * that odd spellings arrive exactly as written.
 */
class HttpEdgeIT {
  static final String SCIM = "/api/v1/automations/scim";
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String SCIM_JSON = "Content-Type: application/scim+json";

  /** Spellings of {@code GET /Users}, {@code /Groups} and discovery that reach a SCIM resource. */
  static final List<String> SCIM_SPELLINGS =
      List.of(
          "/api/v1/automations;x=1/scim/Users",
          "/api/v1/automations;x=1/scim/Groups",
          "/api/v1/automations;/scim/Users",
          "/api/v1/automations;jsessionid=0/scim/Users",
          "/api/v1/automations/scim;x=1/Users",
          "/api/v1/automations/scim/Users;x=1",
          "/api/v1/automations;x=1/scim;y=2/Groups;z=3",
          "/api/v1/automations;x=1/scim/ServiceProviderConfig",
          "/api/v1/automations;x=1/scim/Schemas",
          "//api/v1/automations/scim/Users",
          "/api//v1/automations/scim/Users",
          "/api/v1//automations/scim/Users",
          "/api/v1/automations//scim/Users",
          "/api/v1/automations/scim//Users",
          "/api/v1/automations/scim/Users/");

  /**
   * Spellings of a SCIM path that no resource serves (RESTEasy matches the path as written, and
   * strips the application path only when it is spelled exactly): 401 without a token all the same,
   * a SCIM 404 with one.
   */
  static final List<String> UNROUTED_SCIM_SPELLINGS =
      List.of(
          "/api;x=1/v1/automations/scim/Users",
          "/api/v1;x=1/automations/scim/Groups",
          "/api/v1/%61utomations/scim/Users",
          "/api/v1/automations/%73cim/Groups",
          "/api/v1/automations/scim/%55sers",
          "/api/v1/x/../automations/scim/Users",
          "/api/v1/automations/x/../scim/Users",
          "/api/v1/automations/scim/./Users",
          "/api/v1/./automations/scim/Groups");

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static final String UNKNOWN_TOKEN =
      "Authorization: Bearer sdscim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

  private static final AtomicInteger SOURCES = new AtomicInteger();

  /**
   * A source no other request of these tests uses (the IT server trusts the loopback's
   * X-Forwarded-For), so that refused requests never run into the failed-authentication budget.
   */
  private static String source() {
    return "X-Forwarded-For: 2001:db8:e::" + Integer.toHexString(SOURCES.incrementAndGet());
  }

  /** No credentials, a staff account's Basic credentials, a token no tenant has. */
  private static final List<List<String>> NOT_A_VALID_TOKEN =
      List.of(List.of(), List.of(adminCredentials()), List.of(UNKNOWN_TOKEN));

  private static RawHttp.Response get(String target, List<String> headers, String... more)
      throws IOException {
    List<String> all = new ArrayList<>(headers);
    all.addAll(List.of(more));
    return RawHttp.send("GET", target, all, null);
  }

  static void assertScimError(RawHttp.Response r, int status) {
    assertEquals(status, r.status(), r::toString);
    assertTrue(
        String.valueOf(r.header("Content-Type")).startsWith("application/scim+json"), r::toString);
    JsonObject body = r.json();
    assertNotNull(body, r::toString);
    assertTrue(
        body.getJsonArray("schemas").contains(jakarta.json.Json.createValue(ERROR)), r::toString);
    assertEquals(Integer.toString(status), body.getString("status"), r::toString);
    assertTrue(body.get("detail") instanceof JsonString, r::toString);
  }

  static void assertAdminError(RawHttp.Response r, int status) {
    assertEquals(status, r.status(), r::toString);
    assertTrue(
        String.valueOf(r.header("Content-Type")).startsWith("application/json"), r::toString);
    JsonObject body = r.json();
    assertNotNull(body, r::toString);
    assertEquals(status, body.getInt("status"), r::toString);
    assertTrue(body.get("error") instanceof JsonString, r::toString);
  }

  // --- Authentication does not depend on how the path is spelled ---

  @Test
  void aRequestWithoutAValidTokenNeverReachesAScimResourceHoweverItsPathIsSpelled()
      throws IOException {
    // Reported: a matrix parameter hid the SCIM base from the path check; the resource then failed
    // in ScimPrincipal.tenantId() with a 500, for Users and Groups, GET and POST.
    for (String collection : List.of("Users", "Groups")) {
      String target = "/api/v1/automations;x=1/scim/" + collection;
      RawHttp.Response get = RawHttp.get(target, source());
      assertScimError(get, 401);
      assertTrue(get.header("WWW-Authenticate").startsWith("Bearer"), get::toString);
      String body =
          collection.equals("Users")
              ? "{\"schemas\":[\"" + USER + "\"],\"userName\":\"edge-bait@example.com\"}"
              : "{\"displayName\":\"edge-bait\"}";
      assertScimError(
          RawHttp.send(
              "POST", target, List.of(SCIM_JSON, source()), body.getBytes(StandardCharsets.UTF_8)),
          401);
    }
    // Every spelling that reaches a SCIM resource, with no token, a staff account's Basic
    // credentials, and a token no tenant has.
    List<String> notRefused = new ArrayList<>();
    List<String> spellings = new ArrayList<>(SCIM_SPELLINGS);
    spellings.addAll(UNROUTED_SCIM_SPELLINGS);
    for (String target : spellings) {
      for (List<String> auth : NOT_A_VALID_TOKEN) {
        RawHttp.Response r = get(target, auth, source());
        if (r.status() != 401) {
          notRefused.add(target + " " + auth + " -> " + r);
        } else {
          assertScimError(r, 401);
        }
      }
    }
    assertEquals(List.of(), notRefused, "requests without a valid token that were not refused");
    // With the tenant's token the same spellings are served: refused above for want of a token,
    // not for their spelling.
    TenantFixture t = TenantFixture.create("edge-auth");
    for (String target : SCIM_SPELLINGS) {
      assertEquals(
          200,
          RawHttp.get(target, "Authorization: Bearer " + t.token).status(),
          target + " with a valid token");
    }
    for (String target : UNROUTED_SCIM_SPELLINGS) {
      assertScimError(RawHttp.get(target, "Authorization: Bearer " + t.token), 404);
    }
  }

  @Test
  void oddlySpelledScimRequestsAreRateLimitedThrottledAndRecordedLikeAnyOther() throws Exception {
    // Recorded in the activity log under the path JAX-RS resolved.
    TenantFixture t = TenantFixture.create("edge-activity");
    String token = "Authorization: Bearer " + t.token;
    assertEquals(200, RawHttp.get("/api/v1/automations;x=1/scim/Users;y=2", token).status());
    List<Map<String, Object>> items =
        ActivityIT.awaitItems(t.tenantId, "?operation=Users.list", rows -> !rows.isEmpty());
    assertEquals(1, items.size(), items::toString);
    assertEquals("/Users", items.get(0).get("path"));
    assertEquals(200, items.get(0).get("status"));

    // Unknown tokens count against their source whatever the spelling: 429 within the budget.
    String source = source();
    RawHttp.Response throttled = null;
    for (int i = 0; i < 10 * ThrottlingIT.BEARER_BUDGET && throttled == null; i++) {
      RawHttp.Response r =
          RawHttp.get(SCIM_SPELLINGS.get(i % SCIM_SPELLINGS.size()), UNKNOWN_TOKEN, source);
      if (r.status() == 429) {
        throttled = r;
      } else {
        assertScimError(r, 401);
      }
    }
    assertNotNull(throttled, "unknown tokens with odd spellings were never throttled");
    assertScimError(throttled, 429);

    // A tenant's rate limit holds whatever the spelling.
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("rateLimitPerSecond", 1))
        .patch(ItConfig.adminBase() + "/tenants/" + t.tenantId)
        .then()
        .statusCode(200);
    RawHttp.Response limited = null;
    for (int i = 0; i < 100 && limited == null; i++) {
      RawHttp.Response r = RawHttp.get(SCIM_SPELLINGS.get(i % SCIM_SPELLINGS.size()), token);
      if (r.status() == 429) {
        limited = r;
      } else {
        assertEquals(200, r.status(), r::toString);
      }
    }
    assertNotNull(limited, "odd spellings escaped the tenant's rate limit");
    assertScimError(limited, 429);
  }

  /** Spellings of admin API paths; none may get past staff authentication. */
  static final List<String> ADMIN_SPELLINGS =
      List.of(
          "/api/v1/admin;x=1/tenants",
          "/api/v1;x=1/admin/tenants",
          "/api;x=1/v1/admin/tenants",
          "/api/v1/admin/tenants;x=1",
          "/api/v1/admin;/staff",
          "/api/v1/%61dmin/tenants",
          "/api/v1/admin/%74enants",
          "/api/v1/admin%2Ftenants",
          "/api/v1/admin%5Ctenants",
          "/api/v1/admin%2ftenants",
          "/api/v1/x/../admin/tenants",
          "/api/v1/./admin/tenants",
          "/api/v1/admin/./staff",
          "/api/v1/admin/x/../staff",
          "/api/v1/admin/%2e/staff",
          "/api/v1/admin/%2e%2e/admin/staff",
          "//api/v1/admin/tenants",
          "/api//v1/admin/tenants",
          "/api/v1//admin/tenants",
          "/api/v1/admin//tenants",
          "/api/v1/admin/tenants/",
          "/api/v1/ADMIN/tenants",
          "/API/v1/admin/tenants",
          "/Api/V1/Admin/Staff",
          "/api/v1/admin/TENANTS",
          "/api/v1/admin/events;x=1",
          "/api/v1/admin;x=1/webhooks");

  @Test
  void theAdminApiNeedsStaffCredentialsHoweverItsPathIsSpelled() throws IOException {
    // web.xml's security constraint matches paths; the admin resources' @RolesAllowed does not
    // depend on them. Without credentials, with wrong ones, or as support on admin-only staff
    // pages: never served, never redirected to the console's sign-in page.
    String support = "edge-support-" + UUID.randomUUID().toString().substring(0, 8);
    admin()
        .contentType(ContentType.JSON)
        .body(
            Jsons.of(
                "username",
                support,
                "password",
                "edge-support-password",
                "roles",
                List.of("support")))
        .post(ItConfig.adminBase() + "/staff")
        .then()
        .statusCode(201);
    List<String> served = new ArrayList<>();
    for (String target : ADMIN_SPELLINGS) {
      List<List<String>> auths =
          new ArrayList<>(
              List.of(
                  List.of(),
                  List.of(UNKNOWN_TOKEN),
                  List.of("Authorization: " + basic(ItConfig.adminUser(), "wrong-password"))));
      if (target.toLowerCase(Locale.ROOT).contains("staff")) {
        auths.add(List.of("Authorization: " + basic(support, "edge-support-password")));
      }
      for (List<String> auth : auths) {
        RawHttp.Response r = get(target, auth, source());
        if (r.status() < 400 || r.status() >= 500) {
          served.add(target + " " + auth + " -> " + r);
        }
      }
      RawHttp.Response post =
          RawHttp.send(
              "POST",
              target,
              List.of("Content-Type: application/json", source()),
              "{\"name\":\"edge-bait\"}".getBytes(StandardCharsets.UTF_8));
      if (post.status() < 400 || post.status() >= 500) {
        served.add("POST " + target + " -> " + post);
      }
    }
    assertEquals(
        List.of(), served, "admin API requests without staff rights that were not refused");
    // Reported spelling: a matrix parameter on /api redirected to the console's sign-in page.
    assertAdminError(RawHttp.get("/api;x=1/v1/admin/tenants", source()), 401);
    assertAdminError(RawHttp.get("//api/v1/admin/tenants", source()), 401);
    admin()
        .get(ItConfig.adminBase() + "/tenants?name=edge-bait")
        .then()
        .statusCode(200)
        .body("findAll { it.name == 'edge-bait' }.size()", equalTo(0));
  }

  @Test
  void staffCredentialsAreCheckedOnlyWhereAStaffRoleIsRequired() throws IOException {
    // Found while spelling admin paths: once a source was over its budget of failed staff
    // sign-ins, Basic credentials on a path without a staff role (SCIM, a misspelt admin path)
    // were answered 429 by the sign-in check and then again by JAX-RS: a 500.
    String source = source();
    String wrong = "Authorization: " + basic(ItConfig.adminUser(), "wrong-password");
    for (int i = 0; i < 2 * ThrottlingIT.STAFF_BUDGET; i++) {
      assertScimError(RawHttp.get(SCIM + "/Users", wrong, source), 401);
      assertAdminError(RawHttp.get("/api/v1/ADMIN/tenants", wrong, source), 404);
    }
    // Credentials Liberty cannot read (not padded Base64 of user:password) made its security audit
    // fail with a NullPointerException, a 500, on every path. Under SCIM: no bearer token, a 401.
    for (String unreadable : UNREADABLE_BASIC) {
      assertScimError(RawHttp.get(SCIM + "/Users", "Authorization: " + unreadable, source()), 401);
    }
    // Where a staff role is required they still count: the source is over budget there.
    RawHttp.Response r = RawHttp.get("/api/v1/admin/tenants", wrong, source);
    for (int i = 0; i < 2 * ThrottlingIT.STAFF_BUDGET && r.status() == 401; i++) {
      r = RawHttp.get("/api/v1/admin/tenants", wrong, source);
    }
    assertAdminError(r, 429);
  }

  /**
   * {@code Authorization} headers that are no {@code Basic <padded Base64 of user:password>}, which
   * Liberty's security audit could not read: a 500 and a stack trace on every staff path.
   */
  static final List<String> UNREADABLE_BASIC =
      List.of(
          "Basic %%%",
          "Basic bm9jb2xvbg==",
          "Basic",
          "Basic ",
          "Basic  "
              + Base64.getEncoder().encodeToString("admin:x".getBytes(StandardCharsets.UTF_8)),
          "Basic " + Base64.getEncoder().withoutPadding().encodeToString("admin:xy".getBytes()),
          "Basic /w==",
          "Basic _-86",
          "Basic=",
          "Basicx",
          "Basic \u00e9\u00ff\u0080",
          "Basic " + "A".repeat(30_000));

  @Test
  void basicCredentialsTheContainerCannotReadAre401OnTheAdminApiAndTheSignInPageOnTheConsole()
      throws IOException {
    long logBefore = ServerControl.logSize();
    // Reported: not Base64 on the admin API was a 500 from Liberty's security audit, with a stack
    // trace in messages.log.
    RawHttp.Response reported =
        RawHttp.get("/api/v1/admin/tenants", "Authorization: Basic %%%", source());
    assertAdminError(reported, 401);
    assertTrue(
        String.valueOf(reported.header("WWW-Authenticate")).startsWith("Basic "),
        reported::toString);

    for (String header : UNREADABLE_BASIC) {
      String auth = "Authorization: " + header;
      String shown = header.length() > 40 ? header.substring(0, 40) + "..." : header;
      for (String target :
          List.of("/api/v1/admin/tenants", "/api/v1/admin/events", "/api/v1/admin/staff")) {
        assertAdminError(RawHttp.get(target, auth, source()), 401);
      }
      assertAdminError(
          RawHttp.send(
              "POST",
              "/api/v1/admin/tenants",
              List.of(auth, "Content-Type: application/json", source()),
              "{\"name\":\"edge-bait\"}".getBytes(StandardCharsets.UTF_8)),
          401);
      assertScimError(RawHttp.get(SCIM + "/Users", auth, source()), 401);
      // The console: its sign-in page, as without credentials.
      RawHttp.Response page = RawHttp.get("/console/tenants.xhtml", auth, source());
      assertEquals(302, page.status(), () -> shown + ": " + page);
      assertTrue(
          String.valueOf(page.header("Location")).contains("/login.xhtml"),
          () -> shown + ": " + page.headers());
      RawHttp.Response ajax =
          RawHttp.send(
              "POST",
              "/console/tenants.xhtml",
              List.of(
                  auth,
                  "Faces-Request: partial/ajax",
                  "Content-Type: application/x-www-form-urlencoded",
                  source()),
              "x=1".getBytes(StandardCharsets.UTF_8));
      assertEquals(200, ajax.status(), () -> shown + ": " + ajax);
      assertTrue(ajax.text().contains("<redirect url=\"/login.xhtml\""), () -> shown + ": " + ajax);
      RawHttp.Response login = RawHttp.get("/login.xhtml", auth, source());
      assertEquals(200, login.status(), () -> shown + ": " + login);
    }
    String logged = ServerControl.logSince(logBefore);
    for (String sign : List.of("SRVE0315E", "FFDC1015I", "basicAuthHeader", "IndexOutOfBounds")) {
      assertFalse(logged.contains(sign), () -> "messages.log after the requests:\n" + logged);
    }
    // Right credentials still pass.
    assertEquals(200, RawHttp.get("/api/v1/admin/tenants", adminCredentials()).status());
  }

  // --- JSON bodies ---

  /** A request with a JSON body, its target from the server root. */
  private record Sent(String method, String target, String json) {}

  private static String adminCredentials() {
    return "Authorization: " + basic(ItConfig.adminUser(), ItConfig.adminPassword());
  }

  /**
   * Sends each request with a JSON content type and {@code authorization}; each must be a 400
   * naming {@code type}: a SCIM error's {@code scimType} under the SCIM base, the admin API's
   * {@code error} elsewhere.
   */
  private static void assertRefused(List<Sent> requests, String authorization, String type)
      throws IOException {
    for (Sent request : requests) {
      boolean scim = request.target().startsWith(SCIM);
      RawHttp.Response r =
          RawHttp.send(
              request.method(),
              request.target(),
              List.of(scim ? SCIM_JSON : "Content-Type: application/json", authorization),
              request.json().getBytes(StandardCharsets.UTF_8));
      if (scim) {
        assertScimError(r, 400);
      } else {
        assertAdminError(r, 400);
      }
      assertEquals(type, r.json().getString(scim ? "scimType" : "error"), request::toString);
    }
  }

  @Test
  void aNumberLongerThan1100CharactersIsInvalidValueOnEveryJsonEndpoint() throws IOException {
    String number = "1".repeat(1101);
    TenantFixture t = TenantFixture.create("edge-number");
    String token = "Authorization: Bearer " + t.token;
    // Reported: {"userName":"x","x":111…1} with 1,101 digits was a 500 on every JSON endpoint.
    assertRefused(
        List.of(new Sent("POST", SCIM + "/Users", "{\"userName\":\"x\",\"x\":" + number + "}")),
        token,
        "invalidValue");

    String user = SCIM + "/Users/" + t.createUser("edge-number@example.com");
    String group = SCIM + "/Groups/" + t.createGroup("edge-number");
    String patch =
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":"
            + number
            + "}]}";
    String search =
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"count\":"
            + number
            + "}";
    String userBody = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"y\",\"x\":[" + number + "]}";
    String groupBody = "{\"displayName\":\"edge\",\"x\":{\"y\":-" + number + "}}";
    assertRefused(
        List.of(
            new Sent("PUT", user, userBody),
            new Sent("PATCH", user, patch),
            new Sent("POST", SCIM + "/Users/.search", search),
            new Sent("POST", SCIM + "/Groups", groupBody),
            new Sent("PUT", group, groupBody),
            new Sent("PATCH", group, patch),
            new Sent("POST", SCIM + "/Groups/.search", search)),
        token,
        "invalidValue");
    // The admin API: its own JSON error.
    String tenant = "/api/v1/admin/tenants/" + t.tenantId;
    assertRefused(
        List.of(
            new Sent("POST", "/api/v1/admin/tenants", "{\"name\":\"x\",\"x\":" + number + "}"),
            new Sent("PATCH", tenant, "{\"rateLimitPerSecond\":" + number + "}"),
            new Sent("POST", tenant + "/tokens", "{\"x\":" + number + "}"),
            new Sent("POST", "/api/v1/admin/staff", "{\"x\":" + number + "}"),
            new Sent("POST", "/api/v1/admin/webhooks", "{\"after\":" + number + "}")),
        adminCredentials(),
        "invalidValue");
  }

  @Test
  void aKeyTwiceInOneObjectIsInvalidSyntaxAtAnyDepthAndNothingIsStored() throws IOException {
    TenantFixture t = TenantFixture.create("edge-duplicates");
    String token = "Authorization: Bearer " + t.token;
    String userId = t.createUser("edge-dup@example.com");
    String user = SCIM + "/Users/" + userId;
    // Reported: the last value won.
    assertRefused(
        List.of(
            new Sent(
                "POST",
                SCIM + "/Users",
                "{\"userName\":\"first@example.com\",\"userName\":\"last@example.com\"}")),
        token,
        "invalidSyntax");
    // Attribute names and schema URNs ignore case (RFC 7643 §2.1); any depth.
    assertRefused(
        List.of(
            new Sent(
                "POST",
                SCIM + "/Users",
                "{\"userName\":\"first@example.com\",\"USERNAME\":\"last@example.com\"}"),
            new Sent(
                "POST",
                SCIM + "/Users",
                "{\"userName\":\"n@example.com\",\"name\":{\"givenName\":\"a\",\"GivenName\":\"b\"}}"),
            new Sent(
                "POST",
                SCIM + "/Users",
                "{\"userName\":\"e@example.com\","
                    + "\"emails\":[{\"value\":\"a@x\",\"type\":\"work\",\"value\":\"b@x\"}]}"),
            new Sent(
                "POST",
                SCIM + "/Users",
                "{\"userName\":\"u@example.com\",\"schemas\":[\""
                    + USER
                    + "\",\""
                    + ENTERPRISE
                    + "\"],\""
                    + ENTERPRISE
                    + "\":{\"department\":\"a\"},\""
                    + ENTERPRISE.toUpperCase(Locale.ROOT)
                    + "\":{\"department\":\"b\"}}"),
            new Sent(
                "PATCH",
                user,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                    + "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"a\",\"Value\":\"b\"}]}"),
            new Sent(
                "PATCH",
                user,
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"a\"}],"
                    + "\"operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"b\"}]}"),
            new Sent("POST", SCIM + "/Groups", "{\"displayName\":\"a\",\"displayname\":\"b\"}"),
            new Sent(
                "POST",
                SCIM + "/Users/.search",
                "{\"filter\":\"userName pr\",\"Filter\":\"id pr\"}")),
        token,
        "invalidSyntax");
    // Nothing stored: the tenant has its one user, unchanged, and no group.
    t.scim().get("/Users").then().statusCode(200).body("totalResults", equalTo(1));
    t.scim().get("/Users/" + userId).then().statusCode(200).body("title", equalTo(null));
    t.scim().get("/Groups").then().statusCode(200).body("totalResults", equalTo(0));
    // The same name in different objects is no duplicate.
    t.scim()
        .contentType("application/scim+json")
        .body(
            "{\"userName\":\"two-mails@example.com\",\"emails\":[{\"value\":\"a@x\",\"type\":\"work\"},"
                + "{\"value\":\"b@x\",\"type\":\"home\"}]}")
        .post("/Users")
        .then()
        .statusCode(201);

    // The admin API: exact keys, its own JSON error, at any depth.
    assertRefused(
        List.of(
            new Sent(
                "POST",
                "/api/v1/admin/tenants",
                "{\"name\":\"edge-dup-a\",\"name\":\"edge-dup-b\"}"),
            new Sent(
                "PATCH",
                "/api/v1/admin/tenants/" + t.tenantId,
                "{\"lifecycle\":{\"a\":1,\"a\":2}}")),
        adminCredentials(),
        "invalidSyntax");
  }

  // --- 400s from the container ---

  @Test
  void theContainersOwn400sUnderTheScimBaseCarryAScimErrorBody() throws IOException {
    TenantFixture t = TenantFixture.create("edge-container");
    String token = "Authorization: Bearer " + t.token;
    // Reported: /Users/%zz, %5C and oversized headers answered HTML or an empty body. These are
    // refused before JAX-RS runs; the error page or the URL check answers in SCIM.
    List<String[]> requests =
        List.of(
            new String[] {SCIM + "/Users/%5C"},
            new String[] {SCIM + "/Users/%5c"},
            new String[] {SCIM + "/Users%2F" + UUID.randomUUID()},
            new String[] {SCIM + "/Users/%c0%af"},
            new String[] {SCIM + "/Users/%ed%a0%80"},
            new String[] {SCIM + "/Users/a\\b"},
            new String[] {SCIM + "/Users/a\"b"},
            new String[] {SCIM + "/Users/{x}|^"},
            new String[] {SCIM + "/Users?filter=%zz"},
            new String[] {SCIM + "/Users?filter=%"},
            new String[] {SCIM + "/Users?filter=userName%20eq%20\"x\""},
            new String[] {SCIM + "/Users?%zz=1"},
            new String[] {SCIM + "/Users", "Content-Type: ;;;"},
            new String[] {SCIM + "/Users", "Content-Type: garbage"},
            new String[] {SCIM + "/Users", "Accept: ;;"},
            new String[] {SCIM + "/Users", "Accept: application/json;q=abc"},
            new String[] {SCIM + "/Users", "Accept: application/scim+json, application/json;q="},
            new String[] {SCIM + "/Users", "Content-Type: application/json;q=abc"},
            new String[] {SCIM + "/Users", "Host: a b"});
    for (String[] request : requests) {
      List<String> headers = new ArrayList<>(List.of(token));
      headers.addAll(List.of(request).subList(1, request.length));
      RawHttp.Response r = RawHttp.send("GET", request[0], headers, null);
      assertScimError(r, 400);
    }
    // The same under the admin API: its JSON error.
    String credentials = adminCredentials();
    for (String target :
        List.of(
            "/api/v1/admin/tenants/%5C",
            "/api/v1/admin/tenants%2Fx",
            "/api/v1/admin/tenants/%c0%af",
            "/api/v1/admin/tenants?x=%zz")) {
      assertAdminError(RawHttp.get(target, credentials), 400);
    }
    // The scimType says what kind of error it is.
    assertEquals(
        "invalidSyntax",
        RawHttp.get(SCIM + "/Users/%5C", token).json().getString("scimType"),
        "scimType of a container 400");
    // Outside the API: a line of text, not the container's page naming its exceptions.
    for (String target :
        List.of("/nothing-here", "/api/nothing", "/Api/v1/automations/scim/Users")) {
      RawHttp.Response r = RawHttp.get(target, token);
      assertEquals(404, r.status(), r::toString);
      assertEquals("404 No resource at this path\n", r.text(), r::toString);
    }

    // What the application never sees (docs/reliability.md, "Container errors"). Liberty's web
    // container decodes and canonicalises the URI before it chooses the application: a URI it
    // cannot (%zz, %00, a lone %, ..;, control characters) gets its own 400, HTML, or JSON when the
    // request's Content-Type or Accept names application/json; no stack trace, no resource.
    for (String target :
        List.of(
            SCIM + "/Users/%zz",
            SCIM + "/Users/%00",
            SCIM + "/Users/%",
            SCIM + "/Users/..;/Users",
            SCIM + "/Users/%0d%0a",
            SCIM + "/Users/\u0001",
            "/api/v1/admin/tenants/%zz",
            "/console/%zz")) {
      RawHttp.Response html = RawHttp.get(target, token);
      assertEquals(400, html.status(), html::toString);
      assertTrue(html.text().startsWith("<H1>CWWWC0005I: "), html::toString);
      RawHttp.Response json = RawHttp.get(target, token, "Accept: application/json");
      assertEquals(400, json.status(), json::toString);
      // Not always valid JSON: a control character in the URI is copied into it as it is.
      assertTrue(json.text().startsWith("{\"error_message\" : \"CWWWC0005I: "), json::toString);
    }
    // Liberty's HTTP channel refuses, with an empty 400 and before any application code, a header
    // value over 32,768 bytes, more than 500 header lines, a header line without a colon or with a
    // space in its name ...
    List<List<String>> overLimits =
        List.of(
            List.of("X-Big: " + "a".repeat(32_769)),
            List.of("Authorization: Bearer " + "a".repeat(40_000)),
            java.util.stream.IntStream.range(0, 500).mapToObj(i -> "X-H" + i + ": v").toList(),
            List.of("NoColon"),
            List.of("Bad Name: x"));
    for (List<String> headers : overLimits) {
      List<String> all = new ArrayList<>(List.of(token));
      all.addAll(headers);
      RawHttp.Response r = RawHttp.send("GET", SCIM + "/Users", all, null);
      assertEquals(400, r.status(), r::toString);
      assertEquals(0, r.body().length, r::toString);
    }
    // ... and answers 505 with an empty body to a request line that is not three parts separated
    // by single spaces (a raw space or CR in the target): what follows the target is no version.
    for (String target : List.of(SCIM + "/Users/a b", SCIM + "/Users/a\rb")) {
      RawHttp.Response r = RawHttp.send("GET", target, List.of(token), null);
      assertEquals(505, r.status(), r::toString);
      assertEquals(0, r.body().length, r::toString);
    }
    // Just within the limits, the application answers.
    assertEquals(
        200,
        RawHttp.send("GET", SCIM + "/Users", List.of(token, "X-Big: " + "a".repeat(32_768)), null)
            .status());
  }
}
