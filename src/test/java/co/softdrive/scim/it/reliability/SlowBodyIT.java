package co.softdrive.scim.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.ServerControl;
import co.softdrive.scim.it.TenantFixture;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a request body very slowly must neither take all of the server's workers nor
 * keep their connections: with {@value #CONNECTIONS} connections trickling one byte every 2 s, a
 * normal SCIM request still answers within seconds, the server's thread count stays flat, the
 * bodies being read ({@code scim.limits.body-readers}) are answered 408 once the body deadline
 * ({@code scim.limits.request-body-seconds}, 10 s) has passed, the others 503 at once, and every
 * connection is closed. {@code -Dslowbody.connections=300 -Dslowbody.seconds=120} give the figures
 * in docs/operations.md (the load stops earlier once the server has closed every connection).
 */
class SlowBodyIT {
  private static final Logger LOG = Logger.getLogger(SlowBodyIT.class.getName());
  static final int CONNECTIONS = 100;
  static final int BODY_SECONDS = 10;

  @Test
  void tricklingBodiesTakeFewWorkersAndAreCutOffAtTheDeadline() throws Exception {
    TenantFixture t = TenantFixture.create("slow-body").withoutRateLimit();
    int port = Integer.parseInt(System.getProperty("it.http.port", "9080"));
    int connections = Integer.getInteger("slowbody.connections", CONNECTIONS);
    String head =
        "POST /api/v1/automations/scim/Users HTTP/1.1\r\nHost: localhost:"
            + port
            + "\r\nAuthorization: Bearer "
            + t.token
            + "\r\nContent-Type: application/scim+json";
    SlowBodyLoad.Result r =
        SlowBodyLoad.run(
            port,
            head,
            connections,
            Duration.ofSeconds(2),
            Duration.ofSeconds(Integer.getInteger("slowbody.seconds", BODY_SECONDS + 20)),
            ServerControl.process().pid(),
            () -> SlowBodyLoad.answers(ItConfig.scimBase() + "/Users?count=1", t.token, 200));
    LOG.info(r.toString());

    assertEquals(0, r.probeFailures(), r.toString());
    assertTrue(r.maxProbeMillis() < 3_000, "a normal request stalled: " + r);
    assertTrue(
        r.maxThreads() - r.threadsBefore() < connections / 4,
        "the server grew a thread per trickling connection: " + r);
    assertEquals(connections, r.closedByServer(), "connections left open: " + r);
    assertTrue(r.maxClosedMillis() < (BODY_SECONDS + 5) * 1000L, "closed too late: " + r);
    Map<String, Integer> answers = r.statusLines();
    int timedOut = answers.getOrDefault("HTTP/1.1 408 Request Timeout", 0);
    int refused = answers.getOrDefault("HTTP/1.1 503 Service Unavailable", 0);
    assertEquals(connections, timedOut + refused, r.toString());
    assertTrue(timedOut > 0, "no body was read until its deadline: " + r);

    // Once they are gone, bodies are read again.
    t.createUser("after-slow-bodies@example.com");
  }
}
