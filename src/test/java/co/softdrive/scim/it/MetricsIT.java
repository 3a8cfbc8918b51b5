package co.softdrive.scim.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics}: SCIM requests counted by operation and status class (the 5xx alert of
 * docs/operations.md reads them), also those whose token belongs to no tenant; Liberty's
 * per-endpoint HTTP and REST timers are off. (The 5xx count during a database outage:
 * DegradedDatabaseIT.)
 */
class MetricsIT {
  @Test
  void scimRequestsAreCountedByOperationAndStatusClass() {
    TenantFixture t = TenantFixture.create("metrics");
    String before = ScimRequestCounts.scrape();

    t.createUser("metrics-" + UUID.randomUUID() + "@example.com");
    t.scim().get("/Users/" + UUID.randomUUID()).then().statusCode(404);
    t.scim().get("/Users/" + UUID.randomUUID()).then().statusCode(404);
    given()
        .baseUri(ItConfig.scimBase())
        .header("Authorization", "Bearer not-a-token-of-anyone")
        .get("/Users")
        .then()
        .statusCode(401);

    String after = ScimRequestCounts.scrape();
    assertEquals(
        1,
        ScimRequestCounts.count(after, "Users.create", "2xx")
            - ScimRequestCounts.count(before, "Users.create", "2xx"));
    assertEquals(
        2,
        ScimRequestCounts.count(after, "Users.get", "4xx")
            - ScimRequestCounts.count(before, "Users.get", "4xx"));
    assertEquals(
        1,
        ScimRequestCounts.count(after, "Users.list", "4xx")
            - ScimRequestCounts.count(before, "Users.list", "4xx"),
        "a request with an unknown token is counted too");
    assertTrue(
        after
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("scim_request_milliseconds_total{")
                        && l.contains("operation=\"Users.create\"")),
        "time spent per operation is counted");
  }

  @Test
  void libertysPerEndpointTimersAreOff() {
    TenantFixture.create("metrics-timers").scim().get("/Users").then().statusCode(200);
    String all =
        given().get(ItConfig.baseUrl() + "/metrics").then().statusCode(200).extract().asString();
    assertFalse(all.contains("http_server_request_duration_seconds"), "HTTP timers are off");
    assertFalse(all.contains("REST_request_seconds"), "REST timers are off");
    assertTrue(all.contains("connectionpool_"), "the connection pool is still monitored");
    assertTrue(all.contains("threadpool_"), "the thread pool is still monitored");
  }
}
