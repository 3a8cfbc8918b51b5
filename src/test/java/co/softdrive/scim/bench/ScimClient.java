package co.softdrive.scim.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One tenant's view of a SCIM endpoint, speaking like Entra: form-encoded filters ({@code
 * filter=userName+eq+%22...%22}), bodies as {@code application/scim+json; charset=utf-8}, no {@code
 * Accept} header (docs/entra.md#q16-media-types). Every call records its latency and, if the status
 * is not one of the expected ones, an error.
 */
final class ScimClient {
  static final String CONTENT_TYPE = "application/scim+json; charset=utf-8";
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final HttpClient http;
  final String base;
  private final String authorization;

  ScimClient(HttpClient http, String base, String token) {
    this.http = http;
    this.base = base;
    this.authorization = token == null ? null : "Bearer " + token;
  }

  static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** {@code filter=<attr>+eq+%22<value>%22}, as Entra encodes it. */
  static String eqFilter(String attribute, String value) {
    return "filter="
        + URLEncoder.encode(attribute + " eq \"" + value + "\"", StandardCharsets.UTF_8);
  }

  Response get(Latencies rec, String path, int... expected) {
    return send(rec, System.nanoTime(), builder(path).GET(), expected);
  }

  Response get(Latencies rec, long due, String path, int... expected) {
    return send(rec, due, builder(path).GET(), expected);
  }

  Response post(Latencies rec, String path, String body, int... expected) {
    return send(rec, System.nanoTime(), withBody(builder(path), "POST", body), expected);
  }

  Response patch(Latencies rec, String path, String body, int... expected) {
    return send(rec, System.nanoTime(), withBody(builder(path), "PATCH", body), expected);
  }

  Response delete(Latencies rec, String path, int... expected) {
    return send(rec, System.nanoTime(), builder(path).DELETE(), expected);
  }

  private HttpRequest.Builder builder(String path) {
    String url = path.startsWith("http") ? path : base + path;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private static HttpRequest.Builder withBody(HttpRequest.Builder b, String method, String body) {
    return b.header("Content-Type", CONTENT_TYPE)
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  /**
   * Sends and records. {@code due} is when the request should have started: for paced runs the
   * latency then includes any delay of the client itself (no coordinated omission).
   */
  private Response send(Latencies rec, long due, HttpRequest.Builder b, int... expected) {
    HttpRequest request = b.build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      long end = System.nanoTime();
      boolean ok = false;
      for (int e : expected) {
        ok |= r.statusCode() == e;
      }
      String body = r.body();
      if (r.headers().firstValue("Connection").orElse("").equalsIgnoreCase("close")) {
        rec.closedConnection();
      }
      rec.record(
          due,
          end,
          ok ? null : "HTTP " + r.statusCode(),
          ok ? null : request.method() + " " + request.uri().getPath() + " -> " + abbreviate(body));
      return new Response(r.statusCode(), body, ok);
    } catch (java.io.IOException e) {
      rec.record(
          due, System.nanoTime(), e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
      return new Response(-1, "", false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      rec.record(due, System.nanoTime(), "interrupted", "");
      return new Response(-1, "", false);
    }
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  /** A response; {@code ok} when its status was one of the expected ones. */
  record Response(int status, String body, boolean ok) {
    /**
     * One JSON provider for every response: {@code Json.createReader} looks the provider up through
     * the service loader on every call, which took a fifth of the client's CPU.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    JsonObject json() {
      try (JsonReader r = JSON.createReader(new StringReader(body))) {
        return r.readObject();
      }
    }

    String id() {
      return ok && !body.isEmpty() ? json().getString("id", null) : null;
    }

    /** {@code totalResults} of a ListResponse without parsing the whole body; -1 if absent. */
    long totalResults() {
      int i = body.indexOf("\"totalResults\"");
      if (i < 0) {
        return -1;
      }
      i = body.indexOf(':', i) + 1;
      while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
        i++;
      }
      int j = i;
      while (j < body.length() && Character.isDigit(body.charAt(j))) {
        j++;
      }
      return j > i ? Long.parseLong(body.substring(i, j)) : -1;
    }
  }
}
