package co.softdrive.scim.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.limits.TestLimits;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code count} is clamped to the configured maximum; filters are parsed within the limits. */
class ListRequestTest {

  private static ListRequest query(String... keysAndValues) {
    return query(Limits.defaults(), 100, keysAndValues);
  }

  private static ListRequest query(Limits limits, int defaultCount, String... keysAndValues) {
    MultivaluedMap<String, String> q = new MultivaluedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      q.add(keysAndValues[i], keysAndValues[i + 1]);
    }
    return ListRequest.fromQuery(q, defaultCount, limits);
  }

  @ParameterizedTest(name = "count={0} -> {1}")
  @CsvSource({
    "0, 0",
    "-5, 0",
    "150, 150",
    "200, 200",
    "201, 200",
    "100000, 200",
    "99999999999, 200"
  })
  void countIsClampedToZeroAndTheDefaultMaximum(String count, int expected) {
    assertEquals(expected, query("count", count).params().count());
  }

  @Test
  void countIsClampedToAConfiguredMaximumAndSoIsTheDefaultCount() {
    Limits small = TestLimits.with("max-count", 10);
    assertEquals(10, query(small, 100, "count", "11").params().count());
    assertEquals(10, query(small, 100).params().count());
    assertEquals(100, query().params().count());
  }

  @Test
  void theFilterIsParsedWithinTheConfiguredLimits() {
    query(TestLimits.with("filter-length", 12), 100, "filter", "userName pr");
    ScimBadRequest e =
        assertThrows(
            ScimBadRequest.class,
            () -> query(TestLimits.with("filter-length", 10), 100, "filter", "userName pr"));
    assertEquals(Optional.of("invalidFilter"), e.scimType());
  }
}
