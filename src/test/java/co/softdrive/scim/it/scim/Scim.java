package co.softdrive.scim.it.scim;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.TenantFixture;
import io.restassured.response.ValidatableResponse;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared vocabulary of the SCIM black-box tests: URNs, Entra's request bodies
 * (docs/entra.md#request-shapes) with real ids filled in, both casings of PATCH {@code op}, and a
 * plain JDK client for requests that must carry no {@code Accept} or {@code Content-Type} at all
 * (REST-assured always adds one).
 */
final class Scim {
  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String SOFTDRIVE = "urn:ietf:params:scim:schemas:extension:softdrive:2.0:User";
  static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String SCIM_JSON_UTF8 = "application/scim+json; charset=utf-8";

  private static final HttpClient JDK =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final Pattern OP = Pattern.compile("(\"op\"\\s*:\\s*\")([A-Za-z]+)(\")");

  private Scim() {}

  /** A value no other test (or earlier run on the same database) uses. */
  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** How Entra spells PATCH {@code op}: capitalised by default, lowercase with the flag. */
  enum OpCase {
    CAPITALISED,
    LOWERCASE;

    /** The body with every {@code "op"} value rewritten to this casing. */
    String apply(String body) {
      Matcher m = OP.matcher(body);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String op = m.group(2).toLowerCase();
        String cased =
            this == LOWERCASE ? op : Character.toUpperCase(op.charAt(0)) + op.substring(1);
        m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + cased + m.group(3)));
      }
      m.appendTail(out);
      return out.toString();
    }
  }

  /** A PatchOp message around the given operation objects. */
  static String patch(String... operations) {
    return "{\"schemas\": [\""
        + PATCH_OP
        + "\"], \"Operations\": ["
        + String.join(",", operations)
        + "]}";
  }

  /** R4, the documented Create User body, with this test's userName, externalId and email. */
  static String r4CreateUser(String userName, String externalId, String email) {
    return """
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "externalId": "%s",
          "userName": "%s",
          "active": true,
          "emails": [{"primary": true, "type": "work", "value": "%s"}],
          "meta": {"resourceType": "User"},
          "name": {"formatted": "givenName familyName", "familyName": "familyName", "givenName": "givenName"},
          "roles": []
        }
        """
        .formatted(externalId, userName, email);
  }

  /** R9, the documented Create Group body (ADSCIM schema URI, no members). */
  static String r9CreateGroup(String displayName, String externalId) {
    return """
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
         "externalId": "%s",
         "displayName": "%s",
         "meta": {"resourceType": "Group"}}
        """
        .formatted(externalId, displayName);
  }

  /** R9, the variant observed in 2021 ({@code "members": []}). */
  static String r9CreateGroupObserved(String displayName, String externalId) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"%s","displayName":"%s","members":[],"meta":{"resourceType":"Group"}}
        """
        .formatted(externalId, displayName);
  }

  /** R11 members value array: {@code [{"$ref": null, "value": id}, ...]}. */
  static String memberValues(List<String> ids) {
    List<String> items = new ArrayList<>(ids.size());
    for (String id : ids) {
      items.add("{\"$ref\": null, \"value\": \"" + id + "\"}");
    }
    return "[" + String.join(",", items) + "]";
  }

  /** A PATCH with this casing; asserts nothing. */
  static ValidatableResponse patchUser(TenantFixture t, String id, OpCase casing, String body) {
    return t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(casing.apply(body))
        .patch("/Users/" + id)
        .then();
  }

  static ValidatableResponse patchGroup(TenantFixture t, String id, OpCase casing, String body) {
    return t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(casing.apply(body))
        .patch("/Groups/" + id)
        .then();
  }

  /**
   * POSTs {@code n} minimal users, four at a time, and returns their ids in creation order. The JDK
   * client keeps its connections alive and sends with {@code TCP_NODELAY}; {@code
   * HttpURLConnection} on a kept-alive connection waited for delayed ACKs (20-200 ms per POST), and
   * a fresh connection per POST cost the server a handshake each.
   */
  static List<String> createUsers(TenantFixture t, String prefix, int n) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String userName = String.format("%s-%05d@example.com", prefix, i);
        futures.add(pool.submit(() -> postUser(t.token, userName)));
      }
      List<String> ids = new ArrayList<>(n);
      for (Future<String> f : futures) {
        ids.add(f.get());
      }
      return ids;
    } catch (Exception e) {
      throw new IllegalStateException("Could not create " + n + " users", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String postUser(String token, String userName) {
    HttpResponse<String> r =
        raw(
            "POST",
            "/Users",
            token,
            SCIM_JSON_UTF8,
            "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\",\"active\":true}");
    if (r.statusCode() != 201) {
      throw new IllegalStateException(
          "POST /Users " + userName + " -> " + r.statusCode() + " " + r.body());
    }
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject().getString("id");
    }
  }

  /**
   * A request through the JDK client, which sends neither {@code Accept} nor {@code Content-Type}
   * unless asked. {@code pathAndQuery} is sent verbatim (already encoded).
   */
  static HttpResponse<String> raw(
      String method, String pathAndQuery, String token, String contentType, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(ItConfig.scimBase() + pathAndQuery))
            .timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return JDK.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + pathAndQuery + " failed", e);
    }
  }

  static HttpClient jdk() {
    return JDK;
  }
}
