package co.softdrive.scim.it.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.TenantFixture;
import jakarta.json.Json;
import jakarta.json.JsonArray;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the running server at its HTTP edge for a bounded time ({@code it.fuzz.seconds}, 15 s in
 * {@code mvn verify}): mutated Entra request bodies as POST, PUT, PATCH and {@code .search} on
 * {@code /Users} and {@code /Groups}, and list queries with mutated {@code filter}, {@code
 * attributes}, {@code count} and {@code startIndex} ({@link Mutations}). Every answer must be a 2xx
 * or a SCIM error (a 4xx whose JSON body has the Error schema and the same {@code status}): never a
 * 5xx, never a hang (a 30 s client timeout, generous because the build machine may be busy). A
 * canary user and group made before the fuzzing — never named by any fuzzed request — must read
 * exactly the same afterwards, {@code meta.version} included.
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
  private String victimUser;
  private String victimGroup;

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
    victimUser =
        created(
            "/Users",
            "{\"userName\":\"victim@example.com\",\"emails\":[{\"value\":\"v@example.com\",\"type\":\"work\"}]}");
    victimGroup =
        created(
            "/Groups",
            "{\"displayName\":\"victims\",\"members\":[{\"value\":\"" + victimUser + "\"}]}");

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
  }

  private void send(FuzzRequest request) {
    HttpRequest.Builder http =
        HttpRequest.newBuilder(
                URI.create(ItConfig.scimBase() + request.resolvedPath(victimUser, victimGroup)))
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
            : BodyPublishers.ofByteArray(request.resolvedBody(victimUser, victimGroup)));
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

  /** What is wrong with the response, or null. */
  private static String problem(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
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
    boolean scimError =
        body.get("schemas") instanceof JsonArray schemas
            && schemas.contains(Json.createValue(ERROR))
            && body.get("status") instanceof JsonString s
            && s.getString().equals(Integer.toString(status));
    return scimError ? null : "status " + status + " without a SCIM error body: " + response.body();
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
