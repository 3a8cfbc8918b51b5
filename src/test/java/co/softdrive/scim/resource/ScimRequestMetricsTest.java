package co.softdrive.scim.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScimRequestMetricsTest {
  @Test
  void statusesAreCountedByClass() {
    assertEquals("2xx", ScimRequestMetrics.statusClass(200));
    assertEquals("2xx", ScimRequestMetrics.statusClass(204));
    assertEquals("3xx", ScimRequestMetrics.statusClass(304));
    assertEquals("4xx", ScimRequestMetrics.statusClass(401));
    assertEquals("4xx", ScimRequestMetrics.statusClass(499));
    assertEquals("5xx", ScimRequestMetrics.statusClass(503));
    assertEquals("5xx", ScimRequestMetrics.statusClass(0), "no status is a server error");
    assertEquals("5xx", ScimRequestMetrics.statusClass(700));
  }
}
