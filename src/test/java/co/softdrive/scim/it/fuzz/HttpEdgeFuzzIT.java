package co.softdrive.scim.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.RawHttp;
import co.softdrive.scim.it.TenantFixture;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the running server at its HTTP edge for a bounded time ({@code it.fuzz.seconds}, 15 s in
 * {@code mvn verify}): mutated Entra request bodies as POST, PUT, PATCH and {@code .search} on
 * {@code /Users} and {@code /Groups}, list queries with mutated {@code filter}, {@code attributes},
 * {@code count} and {@code startIndex}, and raw requests whose request line and headers are
 * mutated: path spellings, percent-encodings, credentials, media types, huge and duplicate headers
 * ({@link Mutations}). Every answer must be a 2xx or a SCIM error (a 4xx whose JSON body has the
 * Error schema and the same {@code status}, or the SCIM 501 of an operation not offered, such as a
 * search at the service root a dot segment can reach): never another 5xx, never a hang (a 30 s
 * client timeout, generous because the build machine may be busy). A raw request without the
 * tenant's valid token must be refused with a 4xx, and nothing it carried may be stored; a 4xx
 * carries an error body of ours, or is one of the two answers Liberty gives before it chooses the
 * application (see {@link #problem(FuzzRequest, RawHttp.Response)}). A canary user and group made
 * before the fuzzing — never named by any fuzzed request — must read exactly the same afterwards,
 * {@code meta.version} included.
 *
 * <p>Requests that once failed are kept in {@code HttpEdgeFuzzITInputs} (see {@link FuzzRequest})
 * and replayed first on every run; a new failure is written to {@code target/http-fuzz-findings}
 * for adding there. The run is reproducible from the seed it prints ({@code -Dit.fuzz.seed=...}).
 */
class HttpEdgeFuzzIT {
  private static final Logger LOG = Logger.getLogger(HttpEdgeFuzzIT.class.getName());

  private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final Path CORPUS =
      Path.of("src/test/resources/co/softdrive/scim/it/fuzz/HttpEdgeFuzzITInputs");
  private static final Path FINDINGS = Path.of("target/http-fuzz-findings");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final Map<String, Integer> statuses = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private TenantFixture tenant;
  private FuzzRequest.Victims victims;
  private int rawSent;

  /**
   * Liberty's HTTP channel refuses, with an empty 400 and before any application code, a header
   * value longer than this ({@code httpOptions limitFieldSize}) ...
   */
  private static final int CHANNEL_MAX_FIELD = 32_768;

  /** ... or more header lines than this ({@code limitNumHeaders}). */
  private static final int CHANNEL_MAX_HEADERS = 500;

  /** An unmutated path under the SCIM base, as the raw requests' targets start. */
  private static final Pattern SCIM_PATH =
      Pattern.compile(
          "/api/v1/automations/scim/(Users|Groups|ServiceProviderConfig|Schemas)"
              + "(/(\\{user}|\\{group}|\\.search))?(\\?.*)?");

  @Test
  void hostileRequestsGetA2xxOrAScimErrorAndLeaveOtherResourcesAlone() throws Exception {
    // No rate limit: throttled requests (429 before any parsing) would test nothing, and the
    // canaries are read back after as many requests as the server takes in the fuzzing time.
    tenant = TenantFixture.create("http-fuzz").withoutRateLimit();
    // Canaries: nothing fuzzed names them, so they must come through unchanged.
    String canaryUser = created("/Users", canaryUserBody());
    String canaryGroup =
        created(
            "/Groups",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"canary-group\","
                + "\"members\":[{\"value\":\""
                + canaryUser
                + "\"}]}");
    String userBefore = read("/Users/" + canaryUser);
    String groupBefore = read("/Groups/" + canaryGroup);
    // Victims: what fuzzed PUT and PATCH requests address.
    String victimUser =
        created(
            "/Users",
            "{\"userName\":\"victim@example.com\",\"emails\":[{\"value\":\"v@example.com\",\"type\":\"work\"}]}");
    String victimGroup =
        created(
            "/Groups",
            "{\"displayName\":\"victims\",\"members\":[{\"value\":\"" + victimUser + "\"}]}");
    victims = new FuzzRequest.Victims(victimUser, victimGroup, tenant.token);

    List<FuzzRequest> corpus = corpus();
    corpus.forEach(this::send);
    long seed = Long.getLong("it.fuzz.seed", System.nanoTime());
    Mutations mutations = new Mutations(new Random(seed), seeds());
    long deadline =
        System.nanoTime() + Duration.ofSeconds(Long.getLong("it.fuzz.seconds", 15)).toNanos();
    int sent = 0;
    while (System.nanoTime() < deadline && failures.size() < 20) {
      send(mutations.next());
      sent++;
    }
    LOG.log(
        Level.INFO,
        "HTTP edge fuzz: {0} corpus requests replayed, {1} fuzzed requests (seed {2}), statuses {3}",
        new Object[] {corpus.size(), sent, Long.toString(seed), statuses});

    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " failing requests (seed "
            + seed
            + ", saved in "
            + FINDINGS
            + "; add them to "
            + CORPUS
            + "):\n"
            + String.join("\n", failures));
    assertEquals(userBefore, read("/Users/" + canaryUser), "the canary user changed");
    assertEquals(groupBefore, read("/Groups/" + canaryGroup), "the canary group changed");
    // Nothing a refused raw request carried was stored.
    for (String query :
        List.of(
            "/Users?filter=userName+sw+%22" + Mutations.BAIT + "%22",
            "/Groups?filter=displayName+sw+%22" + Mutations.BAIT + "%22")) {
      tenant
          .scim()
          .urlEncodingEnabled(false)
          .get(query)
          .then()
          .statusCode(200)
          .body("totalResults", org.hamcrest.Matchers.equalTo(0));
    }
    assertNotEquals(
        Mutations.BAIT,
        tenant.scim().get("/Users/" + victims.userId()).then().extract().path("title"),
        "a PATCH without a valid token changed the victim");
  }

  private void send(FuzzRequest request) {
    if (request.isRaw()) {
      sendRaw(request);
      return;
    }
    HttpRequest.Builder http =
        HttpRequest.newBuilder(URI.create(ItConfig.scimBase() + request.resolvedPath(victims)))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + tenant.token)
            .header("Accept", "application/scim+json");
    if (request.contentType() != null) {
      http.header("Content-Type", request.contentType());
    }
    http.method(
        request.method(),
        request.body() == null
            ? BodyPublishers.noBody()
            : BodyPublishers.ofByteArray(request.resolvedBody(victims)));
    try {
      HttpResponse<String> response =
          client.send(http.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      statuses.merge(response.statusCode() / 100 + "xx", 1, Integer::sum);
      String problem = problem(response);
      if (problem != null) {
        fail(request, problem);
      }
    } catch (HttpTimeoutException e) {
      fail(request, "no answer within " + TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      fail(request, "connection failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void sendRaw(FuzzRequest request) {
    // Each raw request its own source (the IT server trusts the loopback's X-Forwarded-For): the
    // refused credentials would otherwise put the loopback over its failed-authentication budget,
    // and the tests after this one would meet 429s.
    List<String> headers = new ArrayList<>(request.resolvedHeaders(victims));
    headers.add("X-Forwarded-For: 2001:db8:f::" + Integer.toHexString(++rawSent));
    try {
      RawHttp.Response response =
          RawHttp.send(
              request.method(),
              request.resolvedPath(victims),
              headers,
              request.body() == null ? null : request.resolvedBody(victims));
      statuses.merge("raw " + response.status() / 100 + "xx", 1, Integer::sum);
      String problem = problem(request, response);
      if (problem != null) {
        fail(request, problem);
      }
    } catch (IOException e) {
      fail(request, "connection failed: " + e);
    }
  }

  /**
   * What is wrong with the response to a raw request, or null. Never a 5xx (but a SCIM 501), 3xx or
   * 1xx; a 2xx only with the tenant's valid token; a 4xx carries an error body of ours (a SCIM
   * error, under the SCIM base always; the admin API's JSON error, a line of text or, for a client
   * that accepts HTML, the console's error page elsewhere), or is one of the two answers Liberty
   * gives before it chooses the application (docs/reliability.md, "Container errors"): its 400 for
   * a URI it cannot decode ({@code CWWWC0005I}, HTML or JSON) on any path, and the HTTP channel's
   * empty 400 for headers over its limits.
   */
  private static String problem(FuzzRequest request, RawHttp.Response response) {
    int status = response.status();
    if (serverError(status) || status < 200 || (status >= 300 && status < 400)) {
      return "status " + response;
    }
    if (status < 300) {
      return request.hasValidToken() ? null : "served without a valid token: " + response;
    }
    if (status == 400 && refusedUri(response)) {
      return null;
    }
    if (status == 400 && response.body().length == 0 && overChannelLimits(request)) {
      return null;
    }
    boolean scimPath = SCIM_PATH.matcher(request.path()).matches();
    JsonObject body = response.json();
    if (body != null) {
      boolean adminError =
          body.get("status") instanceof JsonNumber n
              && n.intValue() == status
              && body.get("error") instanceof JsonString;
      return isScimError(body, status) || (!scimPath && adminError)
          ? null
          : "status " + status + " without an error body of ours: " + response;
    }
    // ContainerErrorPage outside the API: "404 No resource at this path", or for a client that
    // accepts HTML the console's error page in its layout.
    String text = response.text();
    boolean line = text.startsWith(status + " ") && text.indexOf('\n') == text.length() - 1;
    boolean consolePage =
        text.contains("id=\"console-error\"")
            && !text.contains("SRVE")
            && !text.contains("java.io.");
    return !scimPath && (line || consolePage)
        ? null
        : "status " + status + " without an error body of ours: " + response;
  }

  /** Liberty's web container's 400 for a request URI it cannot decode or canonicalise. */
  private static boolean refusedUri(RawHttp.Response response) {
    // The JSON form is not always valid JSON: a control character in the URI is copied as it is.
    String text = response.text();
    return text.startsWith("<H1>CWWWC0005I: ")
        || text.startsWith("{\"error_message\" : \"CWWWC0005I: ");
  }

  private static boolean overChannelLimits(FuzzRequest request) {
    // Host, X-Forwarded-For, Content-Length and Connection are added when the request is sent.
    return request.headers().size() + 4 > CHANNEL_MAX_HEADERS
        || request.headers().stream()
            .anyMatch(h -> h.length() - h.indexOf(':') - 1 > CHANNEL_MAX_FIELD);
  }

  /** A 5xx other than 501, which must then carry a SCIM error body like a 4xx. */
  private static boolean serverError(int status) {
    return status >= 500 && status != 501;
  }

  private static boolean isScimError(JsonObject body, int status) {
    return body.get("schemas") instanceof JsonArray schemas
        && schemas.contains(Json.createValue(ERROR))
        && body.get("status") instanceof JsonString s
        && s.getString().equals(Integer.toString(status));
  }

  /** What is wrong with the response, or null. */
  private static String problem(HttpResponse<String> response) {
    int status = response.statusCode();
    if (serverError(status) || status < 200 || (status >= 300 && status < 400)) {
      return "status " + status + ": " + response.body();
    }
    if (status == 204) {
      return null;
    }
    JsonObject body;
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      body = reader.readObject();
    } catch (RuntimeException e) {
      return "status " + status + " with a body that is not a JSON object: " + response.body();
    }
    if (status < 300) {
      return null;
    }
    return isScimError(body, status)
        ? null
        : "status " + status + " without a SCIM error body: " + response.body();
  }

  private void fail(FuzzRequest request, String problem) {
    try {
      Path saved = request.write(FINDINGS);
      failures.add(problem + "\n  request " + request + "\n  saved as " + saved);
    } catch (IOException e) {
      failures.add(problem + "\n  request " + request + "\n  (not saved: " + e + ")");
    }
  }

  private String created(String collection, String body) {
    return tenant
        .scim()
        .contentType("application/scim+json; charset=utf-8")
        .body(body)
        .post(collection)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private String read(String path) {
    return tenant.scim().get(path).then().statusCode(200).extract().asString();
  }

  private static String canaryUserBody() {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "userName":"canary@example.com","externalId":"canary","active":true,"displayName":"Canary",
         "name":{"givenName":"Can","familyName":"Ary"},
         "emails":[{"value":"canary@example.com","type":"work","primary":true}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Mines","employeeNumber":"1"}}
        """;
  }

  /** Entra's request bodies ({@code src/test/resources/entra/}) and a {@code .search} body. */
  private static List<byte[]> seeds() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/entra"))) {
      for (Path f : files.sorted().toList()) {
        seeds.add(Files.readAllBytes(f));
      }
    }
    seeds.add(
        ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"userName eq \\\"x\\\"\","
                + "\"attributes\":[\"userName\",\"emails.value\"],\"startIndex\":1,\"count\":10}")
            .getBytes(StandardCharsets.UTF_8));
    return seeds;
  }

  private static List<FuzzRequest> corpus() throws IOException {
    if (!Files.isDirectory(CORPUS)) {
      return List.of();
    }
    List<FuzzRequest> requests = new ArrayList<>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path f : files.sorted().toList()) {
        requests.add(FuzzRequest.read(f));
      }
    }
    return requests;
  }
}
