package co.softdrive.scim.it.multi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A client that behaves like Entra's provisioning service towards one URL: it retries a request
 * that failed on the way (connection refused or reset, timeout) or that the balancer answered with
 * 502, 503 or 504, after a short back-off. It counts what it sent, the retries, and which instance
 * served each answer (the balancer's {@code X-Served-By} header).
 */
final class EntraClient {
  static final int MAX_ATTEMPTS = 30;
  static final String SCIM_JSON = "application/scim+json; charset=utf-8";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String authorization;
  private final String contentType;

  final LongAdder requests = new LongAdder();
  final LongAdder retries = new LongAdder();
  final Map<String, LongAdder> servedBy = new ConcurrentHashMap<>();
  final Map<String, LongAdder> retryCauses = new ConcurrentHashMap<>();

  private EntraClient(String base, String authorization, String contentType) {
    this.base = base;
    this.authorization = authorization;
    this.contentType = contentType;
  }

  /** SCIM calls with a tenant's bearer token; paths are relative to the SCIM base. */
  static EntraClient scim(String balancer, String token) {
    return new EntraClient(balancer + "/api/v1/automations/scim", "Bearer " + token, SCIM_JSON);
  }

  /** Admin API calls with HTTP Basic; paths are relative to {@code /api/v1/admin}. */
  static EntraClient admin(String url, String user, String password) {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new EntraClient(url + "/api/v1/admin", "Basic " + basic, "application/json");
  }

  /**
   * An answer. {@code uncertain} is true when an earlier attempt of the same request may have
   * reached the service (it failed after being sent), so a 409 on a create or a 404 on a delete may
   * be the echo of our own earlier success.
   */
  record Reply(int status, String body, boolean uncertain) {
    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    JsonArray array() {
      return Json.createReader(new StringReader(body)).readArray();
    }
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, String body) {
    return send("POST", path, body);
  }

  Reply patch(String path, String body) {
    return send("PATCH", path, body);
  }

  Reply delete(String path) {
    return send("DELETE", path, null);
  }

  /** Sends until an answer that is not a balancer or connection failure arrives. */
  Reply send(String method, String path, String body) {
    boolean uncertain = false;
    for (int attempt = 1; ; attempt++) {
      requests.increment();
      String cause;
      try {
        HttpResponse<String> r =
            http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        r.headers()
            .firstValue("X-Served-By")
            .ifPresent(s -> servedBy.computeIfAbsent(s, k -> new LongAdder()).increment());
        if (r.statusCode() != 502 && r.statusCode() != 503 && r.statusCode() != 504) {
          return new Reply(r.statusCode(), r.body(), uncertain);
        }
        cause = "HTTP " + r.statusCode();
        // A 502/504 means the instance died or stalled with the request: it may have committed.
        uncertain |= r.statusCode() != 503;
      } catch (IOException e) {
        cause = e.getClass().getSimpleName();
        uncertain = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(method + " " + path + " interrupted", e);
      }
      if (attempt == MAX_ATTEMPTS) {
        throw new IllegalStateException(
            method + " " + path + " failed " + attempt + " times, last: " + cause);
      }
      retries.increment();
      retryCauses.computeIfAbsent(cause, k -> new LongAdder()).increment();
      pause(Math.min(2_000, 100L * attempt));
    }
  }

  private HttpRequest request(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", authorization)
            .header("Accept", "application/scim+json, application/json");
    if (body != null) {
      b.header("Content-Type", contentType);
    }
    return b.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** How many answers each instance served, e.g. {@code {a=120, b=80}}. */
  Map<String, Long> served() {
    Map<String, Long> result = new TreeMap<>();
    servedBy.forEach((k, v) -> result.put(k, v.sum()));
    return result;
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
