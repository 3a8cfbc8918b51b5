package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.ERROR;
import static co.softdrive.scim.it.scim.Scim.SCIM_JSON_UTF8;
import static co.softdrive.scim.it.scim.Scim.USER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.TenantFixture;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every request limit at the HTTP edge with its default (docs/reliability.md, "Limits"): at the
 * limit the request goes through, one beyond it is a SCIM error with the documented status and
 * scimType. The {@code count} clamp is covered by ListingIT and DiscoveryIT ({@code maxResults}).
 */
class LimitsIT {
  static final int REQUEST_BYTES = 4 * 1024 * 1024;
  static TenantFixture t;
  static String user;

  @BeforeAll
  static void tenant() {
    t = TenantFixture.create("limits");
    user = t.createUser(Scim.unique("limits") + "@example.com");
  }

  private static ValidatableResponse scimError(ValidatableResponse r, int status) {
    return r.statusCode(status)
        .contentType(startsWith("application/scim+json"))
        .body("schemas", hasItem(ERROR))
        .body("status", equalTo(Integer.toString(status)));
  }

  private static void invalidValue(ValidatableResponse r, String detail) {
    scimError(r, 400)
        .body("scimType", equalTo("invalidValue"))
        .body("detail", containsString(detail));
  }

  /** {@code [{"value":"<prefix>0<suffix>"}, ...]} with {@code n} elements. */
  private static String values(int n, String prefix, String suffix) {
    return IntStream.range(0, n)
        .mapToObj(i -> "{\"value\":\"" + prefix + i + suffix + "\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  /** A .search body of exactly {@code bytes} bytes: an ignored parameter pads it. */
  private static String searchOfSize(int bytes) {
    String head = "{\"filter\":\"userName pr\",\"padding\":\"";
    String tail = "\"}";
    return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
  }

  @Test
  void aBodyAtTheSizeLimitIsReadAndOneByteMoreIs413() {
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(searchOfSize(REQUEST_BYTES))
        .post("/Users/.search")
        .then()
        .statusCode(200);
    scimError(
            t.scim()
                .contentType(SCIM_JSON_UTF8)
                .body(searchOfSize(REQUEST_BYTES + 1))
                .post("/Users/.search")
                .then(),
            413)
        .body("detail", containsString("limit of " + REQUEST_BYTES + " bytes"));
  }

  @Test
  void aChunkedBodyBeyondTheSizeLimitIs413Too() throws Exception {
    // No Content-Length: the JDK client streams an InputStream body with chunked encoding.
    byte[] body = searchOfSize(REQUEST_BYTES + 1).getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(ItConfig.scimBase() + "/Users/" + user))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + t.token)
            .header("Content-Type", SCIM_JSON_UTF8)
            .method(
                "PATCH",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> r = Scim.jdk().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, r.statusCode(), r.body());
    JsonPath error = JsonPath.from(r.body());
    assertEquals(ERROR, error.getString("schemas[0]"));
    assertEquals("413", error.getString("status"));
  }

  private static String nested(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }

  @Test
  void nestingBeyondThirtyTwoLevelsIsInvalidSyntax() {
    // The user body is one level; the ignored attribute holds the rest.
    String ok =
        "{\"schemas\":[\""
            + USER
            + "\"],\"userName\":\""
            + Scim.unique("deep")
            + "\",\"x\":"
            + nested(31)
            + "}";
    t.scim().contentType(SCIM_JSON_UTF8).body(ok).post("/Users").then().statusCode(201);
    String deep =
        "{\"schemas\":[\""
            + USER
            + "\"],\"userName\":\""
            + Scim.unique("deep")
            + "\",\"x\":"
            + nested(32)
            + "}";
    scimError(t.scim().contentType(SCIM_JSON_UTF8).body(deep).post("/Users").then(), 400)
        .body("scimType", equalTo("invalidSyntax"))
        .body("detail", containsString("deeper than 32 levels"));
  }

  private static String titleOps(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"t" + i + "\"}")
        .collect(Collectors.joining(","));
  }

  @Test
  void aThousandPatchOperationsApplyAndOneMoreIsInvalidValue() {
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(Scim.patch(titleOps(1000)))
        .patch("/Users/" + user)
        .then()
        .statusCode(200)
        .body("title", equalTo("t999"));
    invalidValue(
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(Scim.patch(titleOps(1001)))
            .patch("/Users/" + user)
            .then(),
        "at most 1000 operations");
  }

  @Test
  void moreThanTwentyThousandValuesInOneOperationIsInvalidValue() {
    String group = t.createGroup(Scim.unique("limits-group"));
    String members = values(20_001, "u", "");
    invalidValue(
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(Scim.patch("{\"op\":\"add\",\"path\":\"members\",\"value\":" + members + "}"))
            .patch("/Groups/" + group)
            .then(),
        "at most 20000 values per operation");
  }

  private static String operands(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> "userName eq \"u" + i + "\"")
        .collect(Collectors.joining(" or "));
  }

  @Test
  void filtersBeyondTheirLengthDepthOrOperandLimitsAreInvalidFilter() {
    // Spaces between tokens are allowed (SP = 1*( " " / HTAB )) and count towards the length.
    String longest = "userName" + " ".repeat(4096 - 10) + "pr";
    t.scim().queryParam("filter", longest).get("/Users").then().statusCode(200);
    t.scim()
        .queryParam("filter", "(".repeat(16) + "userName pr" + ")".repeat(16))
        .get("/Users")
        .then()
        .statusCode(200);
    t.scim().queryParam("filter", operands(64)).get("/Users").then().statusCode(200);
    for (String filter :
        new String[] {
          "userName" + " ".repeat(4096 - 9) + "pr",
          "(".repeat(17) + "userName pr" + ")".repeat(17),
          operands(65)
        }) {
      scimError(t.scim().queryParam("filter", filter).get("/Users").then(), 400)
          .body("scimType", equalTo("invalidFilter"));
    }
  }

  @Test
  void stringsAndMultiValuedAttributesBeyondTheirLimitsAreInvalidValue() {
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(
            Scim.patch(
                "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"" + "t".repeat(2048) + "\"}"))
        .patch("/Users/" + user)
        .then()
        .statusCode(200);
    invalidValue(
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(
                Scim.patch(
                    "{\"op\":\"replace\",\"path\":\"title\",\"value\":\""
                        + "t".repeat(2049)
                        + "\"}"))
            .patch("/Users/" + user)
            .then(),
        "'title' is longer than 2048 characters");
    String emails = values(1001, "e", "@example.com");
    invalidValue(
        t.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(
                "{\"schemas\":[\""
                    + USER
                    + "\"],\"userName\":\""
                    + Scim.unique("many")
                    + "\",\"emails\":"
                    + emails
                    + "}")
            .post("/Users")
            .then(),
        "'emails' has more than 1000 values");
  }
}
