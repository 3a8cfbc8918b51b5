package co.softdrive.scim.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** Health, metrics, OpenAPI and TLS. (Secrets kept out of logs: SecretsIT.) */
class PlatformIT {

  @Test
  void readinessIsUpWithTheDatabase() {
    given()
        .get(ItConfig.baseUrl() + "/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'database' }.data.schemaCurrent", equalTo(true));
    given().get(ItConfig.baseUrl() + "/health/live").then().statusCode(200);
  }

  @Test
  void metricsAndOpenApiAreServed() {
    given().get(ItConfig.baseUrl() + "/metrics").then().statusCode(200);
    given()
        .get(ItConfig.baseUrl() + "/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/api/v1/automations/scim/Users"))
        .body(containsString("/api/v1/admin/tenants"));
  }

  /** The failsafe JVM lets the client offer TLS 1.1 (src/test/resources/it-client.security). */
  @Test
  void httpsSpeaksTls12And13ButNotOlder() throws Exception {
    String url =
        "https://localhost:" + System.getProperty("it.https.port", "9443") + "/health/live";
    assertEquals(200, tls(url, "TLSv1.2"));
    assertEquals(200, tls(url, "TLSv1.3"));
    SSLHandshakeException refused =
        assertThrows(SSLHandshakeException.class, () -> tls(url, "TLSv1.1"));
    assertFalse(
        String.valueOf(refused.getMessage()).contains("No appropriate protocol"),
        "the client, not the server, refused TLS 1.1: " + refused.getMessage());
  }

  private static int tls(String url, String protocol) throws Exception {
    TrustManager[] trustAll = {
      new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }
    };
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, trustAll, null);
    SSLParameters params = new SSLParameters();
    params.setProtocols(new String[] {protocol});
    params.setEndpointIdentificationAlgorithm(null);
    HttpClient client = HttpClient.newBuilder().sslContext(ctx).sslParameters(params).build();
    return client
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
