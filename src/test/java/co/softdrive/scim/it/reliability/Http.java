package co.softdrive.scim.it.reliability;

import co.softdrive.scim.it.ItConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A thread-safe SCIM client for the reliability tests (and a plain GET for other URLs). Unlike
 * REST-assured it reports transport failures as {@link IOException}, so a test can tell "the server
 * answered" from "the outcome is unknown" (the connection died with the request in flight). The JDK
 * client never re-sends a POST or PATCH by itself.
 */
final class Http {
  static final String SCIM_JSON = "application/scim+json; charset=utf-8";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final String token;
  private final Duration timeout;

  Http(String token, Duration timeout) {
    this.token = token;
    this.timeout = timeout;
  }

  /** A SCIM request relative to the SCIM base; {@code body} null for none. */
  Reply send(String method, String path, String body) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(ItConfig.scimBase() + path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", SCIM_JSON)
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return exchange(b);
  }

  /** A GET of any URL with the given headers ({@code name, value, name, value...}). */
  static Reply get(String url, String... headers) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return exchange(b.GET());
  }

  private static Reply exchange(HttpRequest.Builder b) throws IOException {
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** An answer from the server. */
  record Reply(int status, String retryAfter, String body) {
    JsonObject json() {
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        return r.readObject();
      }
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }
}
