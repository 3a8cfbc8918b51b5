package co.softdrive.scim.it;

import static co.softdrive.scim.it.TenantFixture.admin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of answer carries the security headers: console pages (with PrimeFaces' nonce policy
 * and no-store), the sign-in page, SCIM and admin API answers including errors and authentication
 * challenges, health, and the token issue (no-store); HSTS on HTTPS only.
 */
class SecurityHeadersIT {
  static TenantFixture t;
  static String userId;
  static String groupId;
  static String purgedUserId;
  static String deletedGroupId;

  @BeforeAll
  static void aTenantWithAUserAndAGroupAndOfEachDeleted() {
    t = TenantFixture.create("Headers");
    userId = t.createUser("headers-" + System.nanoTime() + "@contoso.com");
    groupId = t.createGroup("Headers " + System.nanoTime());
    purgedUserId = t.createUser("headers-purged-" + System.nanoTime() + "@contoso.com");
    t.scim().delete("/Users/" + purgedUserId).then().statusCode(204);
    deletedGroupId = t.createGroup("Headers deleted " + System.nanoTime());
    t.scim().delete("/Groups/" + deletedGroupId).then().statusCode(204);
  }

  @Test
  void everyConsolePageHasAPolicyWithANonceAndIsNeverStored() {
    ConsoleClient console = ConsoleClient.signedIn(ItConfig.adminUser(), ItConfig.adminPassword());
    String tenant = t.tenantId;
    List<String> pages =
        List.of(
            "/console/tenants.xhtml",
            "/console/tenant.xhtml?id=" + tenant,
            "/console/users.xhtml?tenant=" + tenant,
            "/console/user.xhtml?tenant=" + tenant + "&id=" + userId,
            "/console/groups.xhtml?tenant=" + tenant,
            "/console/group.xhtml?tenant=" + tenant + "&id=" + groupId,
            "/console/activity.xhtml?tenant=" + tenant,
            "/console/pending.xhtml?tenant=" + tenant,
            "/console/staff.xhtml",
            "/console/purged-user.xhtml?tenant=" + tenant + "&id=" + purgedUserId,
            "/console/deleted-group.xhtml?tenant=" + tenant + "&id=" + deletedGroupId,
            "/console/deactivations.xhtml?tenant=" + tenant,
            "/console/user.xhtml?tenant=" + tenant + "&id=no-such-user",
            "/console/users.xhtml?tenant=" + tenant + "&state=SOMETIMES",
            "/console/no-such-page.xhtml");
    List<String> problems = new ArrayList<>();
    for (String page : pages) {
      ConsoleClient.Page p = console.get(page);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String name :
          List.of(
              "Content-Security-Policy",
              "X-Frame-Options",
              "X-Content-Type-Options",
              "Referrer-Policy",
              "Cache-Control")) {
        headers.put(name, p.header(name));
      }
      String csp = String.valueOf(headers.get("Content-Security-Policy"));
      if (!csp.contains("script-src 'self' 'nonce-")
          || !csp.contains("frame-ancestors 'none'")
          || !csp.contains("default-src 'self'")
          || csp.contains("unsafe-eval")) {
        problems.add(page + ": Content-Security-Policy " + csp);
      }
      problems.addAll(common(page, headers::get));
      if (!String.valueOf(headers.get("Cache-Control")).startsWith("no-store")) {
        problems.add(page + ": Cache-Control " + headers.get("Cache-Control"));
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertEquals(404, console.get("/console/user.xhtml?tenant=" + tenant + "&id=x").status());
    assertEquals(400, console.get("/console/users.xhtml?tenant=" + tenant + "&state=X").status());
    assertEquals(404, console.get("/console/no-such-page.xhtml").status());
  }

  @Test
  void everyApiAnswerSignInPageAndHealthCheckCarriesTheHeaders() {
    Map<String, Response> answers = new LinkedHashMap<>();
    answers.put("sign-in page", given().get(ItConfig.baseUrl() + "/login.xhtml"));
    answers.put(
        "console without a session",
        given().redirects().follow(false).get(ItConfig.baseUrl() + "/console/tenants.xhtml"));
    answers.put("SCIM list", t.scim().get("/Users"));
    answers.put("SCIM 404", t.scim().get("/Users/nope"));
    answers.put("SCIM 401", given().get(ItConfig.scimBase() + "/Users"));
    answers.put("SCIM discovery", t.scim().get("/ServiceProviderConfig"));
    answers.put("admin list", admin().get(ItConfig.adminBase() + "/tenants"));
    answers.put("admin 401", given().get(ItConfig.adminBase() + "/tenants"));
    answers.put("admin 404", admin().get(ItConfig.adminBase() + "/tenants/nope"));
    answers.put("health", given().get(ItConfig.baseUrl() + "/health/ready"));
    answers.put("outside everything", given().get(ItConfig.baseUrl() + "/no-such-path"));
    List<String> problems = new ArrayList<>();
    answers.forEach(
        (what, r) -> {
          problems.addAll(common(what, r::getHeader));
          String csp = String.valueOf(r.getHeader("Content-Security-Policy"));
          if (!csp.contains("frame-ancestors 'none'")) {
            problems.add(what + ": Content-Security-Policy " + csp);
          }
        });
    for (String api : List.of("SCIM list", "SCIM 404", "admin list", "admin 404")) {
      if (!String.valueOf(answers.get(api).getHeader("Cache-Control")).startsWith("no-store")) {
        problems.add(api + ": Cache-Control " + answers.get(api).getHeader("Cache-Control"));
      }
      if (!answers.get(api).getHeader("Content-Security-Policy").startsWith("default-src 'none'")) {
        problems.add(api + ": an API answer allows content");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertNull(answers.get("SCIM list").getHeader("Strict-Transport-Security"), "HSTS over HTTP");
  }

  @Test
  void anIssuedTokenIsNeverStoredAndHttpsAnswersAskForHsts() {
    Response issued =
        admin()
            .contentType(ContentType.JSON)
            .body("{\"serviceAccount\":\"headers\"}")
            .post(ItConfig.adminBase() + "/tenants/" + t.tenantId + "/tokens");
    assertEquals(201, issued.statusCode());
    assertEquals("no-store", issued.getHeader("Cache-Control"));

    String https = "https://localhost:" + System.getProperty("it.https.port", "9443");
    Response page = given().relaxedHTTPSValidation().get(https + "/login.xhtml");
    assertEquals(200, page.statusCode());
    assertTrue(
        String.valueOf(page.getHeader("Strict-Transport-Security")).startsWith("max-age="),
        String.valueOf(page.getHeaders()));
    Response scim =
        given()
            .relaxedHTTPSValidation()
            .header("Authorization", "Bearer " + t.token)
            .get(https + "/api/v1/automations/scim/Users");
    assertTrue(String.valueOf(scim.getHeader("Strict-Transport-Security")).startsWith("max-age="));
  }

  private static List<String> common(String what, UnaryOperator<String> header) {
    List<String> problems = new ArrayList<>();
    expect(problems, what, header, "X-Frame-Options", "DENY");
    expect(problems, what, header, "X-Content-Type-Options", "nosniff");
    expect(problems, what, header, "Referrer-Policy", "same-origin");
    return problems;
  }

  private static void expect(
      List<String> problems, String what, UnaryOperator<String> header, String name, String value) {
    if (!value.equals(header.apply(name))) {
      problems.add(what + ": " + name + " " + header.apply(name));
    }
  }
}
