package co.softdrive.scim.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Softdrive's admin API ({@code /api/v1/admin}, HTTP Basic): a tenant and a token per call. */
final class Admin {
  private final HttpClient http;
  private final String adminUrl;
  private final String basic;

  Admin(HttpClient http, String adminUrl, String user, String password) {
    this.http = http;
    this.adminUrl = adminUrl;
    this.basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Creates a tenant without a request rate limit (the benchmark measures the service, not the
   * per-tenant limit) and one service-account token; returns the clear token.
   */
  String newTenantToken(String name) {
    JsonObject tenant =
        send(
            "POST",
            "/tenants",
            Json.createObjectBuilder().add("name", name).build().toString(),
            201);
    String tenantPath = "/tenants/" + tenant.getString("id");
    send(
        "PATCH",
        tenantPath,
        Json.createObjectBuilder().add("rateLimitPerSecond", 0).build().toString(),
        200);
    JsonObject token =
        send(
            "POST",
            tenantPath + "/tokens",
            Json.createObjectBuilder().add("serviceAccount", "bench").build().toString(),
            201);
    return token.getString("token");
  }

  private JsonObject send(String method, String path, String body, int expectedStatus) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(adminUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", basic)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expectedStatus) {
        throw new IllegalStateException(
            "admin API " + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return Json.createReader(new java.io.StringReader(r.body())).readObject();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("admin API " + adminUrl + path + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
