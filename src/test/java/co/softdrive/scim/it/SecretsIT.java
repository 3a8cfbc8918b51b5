package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ConsoleClient.Page;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Tokens and staff passwords exist in clear only with their owner, in the one response that issues
 * a token and in the console dialog that shows it once (docs/reliability.md "Secrets"). The test
 * issues tokens (admin API and console) and creates staff accounts with known passwords (admin API
 * and console), drives successful and failed authentications (wrong, near-miss, revoked, expired,
 * suspended, misplaced credentials), then scans every place a secret could end up: every value of
 * every table, every server log file (with trace on for our code and SQL), every response body it
 * provoked, /metrics, and the console pages. A token's SHA-256 belongs only in {@code
 * api_token.secret_hash}, a staff password's PBKDF2 hash only in {@code
 * staff_account.password_hash}, a webhook's signing secret only in {@code webhook_endpoint.secret};
 * a SCIM {@code password} Entra may send is kept nowhere.
 */
class SecretsIT {
  private static final Logger LOG = Logger.getLogger(SecretsIT.class.getName());

  static final Pattern TOKEN = Pattern.compile("sdscim_[A-Za-z0-9_-]{43}");
  static final String TRACE = "*=info:co.softdrive.scim.*=all:eclipselink.sql=all";

  private final String u = UUID.randomUUID().toString().substring(0, 8);
  private final SecretScan scan = new SecretScan();

  /** Every response body and page the test provoked: place -> text. */
  private final Map<String, String> captured = new LinkedHashMap<>();

  @Test
  void secretsAppearOnlyWhereTheyBelong() throws Exception {
    TenantFixture t;
    String consoleToken;
    String webhookUrl;
    List<String> staff = List.of("staff-api-" + u, "staff-console-" + u);
    ServerControl.trace(TRACE);
    try {
      // 1. A token from the admin API: used, nearly guessed, revoked later.
      t = TenantFixture.create("secrets");
      tokenSecret("token issued by the admin API", t.token);
      String nearMiss =
          t.token.substring(0, t.token.length() - 1) + (t.token.endsWith("A") ? "B" : "A");
      scan.secret("near-miss token", nearMiss.substring(13));
      capture("SCIM GET /Users with the token", bearer(t.token).get("/Users"), 200);
      capture("SCIM 401 near-miss token", bearer(nearMiss).get("/Users"), 401);
      capture("SCIM 401 no credentials", given().get(ItConfig.scimBase() + "/Users"), 401);
      TenantFixture.Token expiring =
          TenantFixture.issueToken(t.tenantId, "expiring", Instant.now().plusSeconds(3));
      tokenSecret("token that expires", expiring.secret());

      // 2. A token generated in the console: shown once in the dialog, never again.
      ConsoleClient console =
          ConsoleClient.signedIn(ItConfig.adminUser(), ItConfig.adminPassword());
      Page tenantPage = console.get("/console/tenant.xhtml?id=" + t.tenantId);
      Page dialog =
          console.press(
              tenantPage,
              "generate:generate-button",
              "generate",
              "secret-panel tokens cards",
              Map.of("generate:account", "console-" + u, "generate:expires_input", ""));
      Matcher shown = TOKEN.matcher(dialog.body());
      assertTrue(shown.find(), "the one-time dialog shows the new token: " + dialog.body());
      consoleToken = shown.group();
      tokenSecret("token generated in the console", consoleToken);
      capture("SCIM GET /Users with the console token", bearer(consoleToken).get("/Users"), 200);

      // 3. Staff accounts with known passwords: through the admin API and through the console.
      String apiPassword = password("api");
      String resetPassword = password("reset");
      String consolePassword = password("console");
      scan.secret("staff password (admin API)", apiPassword);
      scan.secret("staff password (reset)", resetPassword);
      scan.secret("staff password (console)", consolePassword);
      capture(
          "admin POST /staff",
          staffJson(staff.get(0), apiPassword).post(ItConfig.adminBase() + "/staff"),
          201);
      capture(
          "admin GET /tenants as the new account",
          basic(staff.get(0), apiPassword).get(ItConfig.adminBase() + "/tenants"),
          200);
      capture(
          "admin 401 wrong password",
          basic(staff.get(0), apiPassword + "x").get(ItConfig.adminBase() + "/tenants"),
          401);
      capture(
          "admin 401 password as username",
          basic(apiPassword, "x").get(ItConfig.adminBase() + "/tenants"),
          401);
      capture(
          "admin 403 support account on /staff",
          basic(staff.get(0), apiPassword).get(ItConfig.adminBase() + "/staff"),
          403);
      capture(
          "admin PATCH /staff password",
          admin()
              .contentType(ContentType.JSON)
              .body(Jsons.of("password", resetPassword))
              .patch(ItConfig.adminBase() + "/staff/" + staff.get(0)),
          200);
      capture(
          "admin 401 old password after reset",
          basic(staff.get(0), apiPassword).get(ItConfig.adminBase() + "/tenants"),
          401);
      capture(
          "admin GET /tenants after reset",
          basic(staff.get(0), resetPassword).get(ItConfig.adminBase() + "/tenants"),
          200);
      rejectedPasswords();
      Page staffPage = console.get("/console/staff.xhtml");
      capture(
          "console staff create (ajax)",
          console.press(
              staffPage,
              "create:create-button",
              "create",
              "create accounts",
              Map.of("create:username", staff.get(1), "create:password", consolePassword)));
      String shortPassword = "Tiny-c-" + u.substring(0, 4);
      scan.secret("too-short staff password (console)", shortPassword);
      capture(
          "console staff create refused (ajax)",
          console.press(
              staffPage,
              "create:create-button",
              "create",
              "create accounts",
              Map.of("create:username", "short-" + u, "create:password", shortPassword)));
      ConsoleClient.signedIn(staff.get(1), consolePassword);
      capture(
          "console sign-in refused",
          new ConsoleClient().signIn(staff.get(1), consolePassword + "x"));
      // A password typed into the username field: the form shows it back to whoever typed it, so
      // only the logs are checked for it (they must not name the attempted account).
      new ConsoleClient().signIn(consolePassword, "not-the-password");

      // 4. A password Entra sends for a user is neither stored nor returned.
      String scimPassword = password("scim");
      String scimPatchedPassword = password("scim-patch");
      scan.secret("SCIM user password (POST)", scimPassword);
      scan.secret("SCIM user password (PATCH)", scimPatchedPassword);
      Response created =
          bearer(consoleToken)
              .contentType("application/scim+json")
              .body(
                  "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"pw-"
                      + u
                      + "@contoso.example\",\"active\":true,\"password\":\""
                      + scimPassword
                      + "\"}")
              .post("/Users");
      capture("SCIM POST /Users with a password", created, 201);
      String userId = created.path("id");
      capture(
          "SCIM PATCH password",
          bearer(consoleToken)
              .contentType("application/scim+json")
              .body(
                  "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                      + "\"path\":\"password\",\"value\":\""
                      + scimPatchedPassword
                      + "\"}]}")
              .patch("/Users/" + userId),
          200);
      capture("SCIM GET the user", bearer(consoleToken).get("/Users/" + userId), 200);

      // 5. Revoked, suspended, expired and misplaced credentials on the SCIM API.
      admin()
          .delete(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens/" + t.tokenId)
          .then()
          .statusCode(204);
      capture("SCIM 401 revoked token", bearer(t.token).get("/Users"), 401);
      setStatus(t, "suspended");
      capture("SCIM 401 suspended tenant", bearer(consoleToken).get("/Users"), 401);
      setStatus(t, "active");
      capture(
          "SCIM 401 staff Basic credentials",
          given()
              .auth()
              .preemptive()
              .basic(staff.get(0), resetPassword)
              .get(ItConfig.scimBase() + "/Users"),
          401);
      capture("SCIM 401 staff password as bearer", bearer(resetPassword).get("/Users"), 401);
      capture("SCIM 401 expired token", BearerAuthIT.awaitStatus(expiring.secret(), 401), 401);

      // 6. A webhook's signing secret: shown once; kept, since it signs deliveries, in its column
      // only.
      Response webhook =
          admin()
              .contentType(ContentType.JSON)
              .body(Jsons.of("url", "http://127.0.0.1:9/secrets-it", "tenantId", t.tenantId))
              .post(ItConfig.adminBase() + "/webhooks");
      assertEquals(201, webhook.statusCode(), webhook.asString());
      webhookUrl = ItConfig.adminBase() + "/webhooks/" + webhook.path("id");
      scan.secret("webhook signing secret", webhook.path("secret"), "webhook_endpoint.secret");
      capture("admin GET webhook", admin().get(webhookUrl), 200);
      capture("admin GET webhooks", admin().get(ItConfig.adminBase() + "/webhooks"), 200);

      // 7. What staff read: admin API answers, console pages, metrics.
      String tenantApi = ItConfig.adminBase() + "/tenants/" + t.tenantId;
      capture("admin GET tokens", admin().get(tenantApi + "/tokens"), 200);
      capture("admin GET token", admin().get(tenantApi + "/tokens/" + t.tokenId), 200);
      capture("admin GET staff", admin().get(ItConfig.adminBase() + "/staff"), 200);
      capture("admin GET audit", admin().get(tenantApi + "/audit"), 200);
      capture(
          "admin GET events",
          admin().get(ItConfig.adminBase() + "/events?tenantId=" + t.tenantId),
          200);
      capture("admin GET activity", awaitRejectionsRecorded(tenantApi), 200);
      for (String page :
          List.of(
              "/console/tenant.xhtml?id=" + t.tenantId,
              "/console/staff.xhtml",
              "/console/tenants.xhtml",
              "/console/activity.xhtml?tenant=" + t.tenantId,
              "/console/users.xhtml?tenant=" + t.tenantId,
              "/console/user.xhtml?tenant=" + t.tenantId + "&id=" + userId)) {
        capture("console " + page, console.get(page));
      }
      Response metrics = given().get(ItConfig.baseUrl() + "/metrics");
      assertTrue(
          metrics.asString().contains("scim_activity_queued"),
          "the metrics of the application are served");
      capture("GET /metrics", metrics, 200);
    } finally {
      ServerControl.trace(null);
    }

    // 8. The database, every value of every table (embedded Derby only while the server is down).
    SecretScan.DatabaseRead database = databaseScan(staff);
    // 9. Every log file, and everything captured.
    List<String> logFiles = scan.logs();
    captured.forEach(scan::scan);
    admin().delete(webhookUrl).then().statusCode(204);

    assertTrue(
        logFiles.stream().anyMatch(f -> f.startsWith("trace")), "trace was written: " + logFiles);
    SecretScan control = new SecretScan().secret("display prefix", t.token.substring(0, 13));
    control.logs();
    assertTrue(
        control.where("display prefix").stream().anyMatch(f -> f.contains("messages")),
        "the log scan reads the log that names issued tokens by their display prefix");
    assertEquals(
        Set.of("api_token.secret_hash"), scan.where(hashLabel("token issued by the admin API")));
    assertEquals(
        Set.of("api_token.secret_hash"), scan.where(hashLabel("token generated in the console")));
    assertEquals(
        Set.of("staff_account.password_hash"), scan.where("password hash of " + staff.get(0)));
    assertEquals(
        Set.of("staff_account.password_hash"), scan.where("password hash of " + staff.get(1)));
    LOG.log(
        Level.INFO,
        "SecretsIT: {0} secrets, {1} places: {2} tables ({3} columns, {4} values), {5} log files, {6} responses and pages",
        new Object[] {
          scan.secretCount(),
          scan.placesScanned(),
          database.tables(),
          database.columns(),
          database.values(),
          logFiles.size(),
          captured.size()
        });
    assertEquals(Map.of(), scan.leaks(), "secrets where they must not be");
  }

  /** Staff API requests that are refused with a password in the body: it is never echoed. */
  private void rejectedPasswords() {
    String tooShort = "Short-" + u.substring(0, 5);
    String duplicate = password("duplicate");
    String malformed = password("malformed");
    scan.secret("too-short staff password (admin API)", tooShort);
    scan.secret("staff password of a duplicate account", duplicate);
    scan.secret("staff password in malformed JSON", malformed);
    capture(
        "admin 400 password too short",
        staffJson("short-api-" + u, tooShort).post(ItConfig.adminBase() + "/staff"),
        400);
    capture(
        "admin 409 duplicate account",
        staffJson("staff-api-" + u, duplicate).post(ItConfig.adminBase() + "/staff"),
        409);
    capture(
        "admin 400 malformed JSON",
        admin()
            .contentType(ContentType.JSON)
            .body(
                "{\"username\":\"bad-"
                    + u
                    + "\",\"password\":\""
                    + malformed
                    + "\",\"roles\":[\"support\"")
            .post(ItConfig.adminBase() + "/staff"),
        400);
  }

  private SecretScan.DatabaseRead databaseScan(List<String> staff) throws Exception {
    if (!ItConfig.dbKind().equals("postgres")) {
      ServerControl.stop();
    }
    try (Connection c = SecretScan.connect()) {
      for (String name : staff) {
        scan.secret(
            "password hash of " + name, passwordHash(c, name), "staff_account.password_hash");
      }
      return scan.database(c);
    } finally {
      if (!ItConfig.dbKind().equals("postgres")) {
        SecretScan.shutdownDerby();
        ServerControl.start();
      }
    }
  }

  private static String passwordHash(Connection c, String username) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT password_hash FROM staff_account WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "staff account " + username + " exists");
        return rs.getString(1);
      }
    }
  }

  /** The part of a token after its display prefix, and its SHA-256 (allowed in one column). */
  private void tokenSecret(String label, String token) throws Exception {
    scan.secret(label, token.substring(13));
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
    scan.secret(hashLabel(label), hash, "api_token.secret_hash");
  }

  private static String hashLabel(String tokenLabel) {
    return "SHA-256 of the " + tokenLabel;
  }

  private String password(String what) {
    return "pw-" + what + "-" + UUID.randomUUID();
  }

  /**
   * Waits until the activity log holds the three rejected requests of the tenant's known tokens.
   */
  private static Response awaitRejectionsRecorded(String tenantApi) {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      Response r = admin().get(tenantApi + "/activity?status=4xx");
      if (r.statusCode() == 200 && r.jsonPath().getLong("totalResults") >= 3
          || System.currentTimeMillis() > deadline) {
        return r;
      }
      ServerControl.sleep(250);
    }
  }

  private static RequestSpecification bearer(String token) {
    return given().baseUri(ItConfig.scimBase()).header("Authorization", "Bearer " + token);
  }

  private static RequestSpecification basic(String user, String password) {
    return given().auth().preemptive().basic(user, password);
  }

  private static RequestSpecification staffJson(String username, String password) {
    return admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("username", username, "password", password, "roles", List.of("support")));
  }

  private static void setStatus(TenantFixture t, String status) {
    admin()
        .contentType(ContentType.JSON)
        .body(Jsons.of("status", status))
        .patch(ItConfig.adminBase() + "/tenants/" + t.tenantId)
        .then()
        .statusCode(200);
  }

  private void capture(String place, Response r, int expectedStatus) {
    assertEquals(expectedStatus, r.statusCode(), place + ": " + r.asString());
    captured.put(place + " (" + r.statusCode() + ")", r.asString());
  }

  private void capture(String place, Page page) {
    captured.put(place + " (" + page.status() + ")", page.body());
  }
}
