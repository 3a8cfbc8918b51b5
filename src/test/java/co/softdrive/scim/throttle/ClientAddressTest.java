package co.softdrive.scim.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The source of a request: the peer, or X-Forwarded-For behind a trusted proxy only. */
class ClientAddressTest {
  static final ClientAddress BEHIND_PROXIES =
      new ClientAddress(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

  @ParameterizedTest(name = "peer {0}, X-Forwarded-For \"{1}\" -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "203.0.113.9 | null | 203.0.113.9",
        "203.0.113.9 | 198.51.100.1 | 203.0.113.9", // an untrusted peer cannot claim another
        // address
        "10.1.2.3 | null | 10.1.2.3",
        "10.1.2.3 | 198.51.100.1 | 198.51.100.1",
        "10.1.2.3 | 198.51.100.1, 203.0.113.5 | 203.0.113.5", // the right-most untrusted hop
        "10.1.2.3 | 198.51.100.1, 192.168.1.7 | 198.51.100.1", // trusted hops are skipped
        "10.1.2.3 | 10.9.9.9, 10.8.8.8 | 10.9.9.9", // only proxies: the left-most
        "10.1.2.3 | evil.example, 198.51.100.1 | 198.51.100.1",
        "10.1.2.3 | 198.51.100.1, evil.example | 10.1.2.3", // a non-address ends the walk
        "10.1.2.3 | 300.1.1.1 | 10.1.2.3",
        "192.168.1.8 | 198.51.100.1 | 192.168.1.8", // not in the trusted list
        "fd00::1 | 2001:db8:0:0:0:0:0:1 | 2001:db8:0:0:0:0:0:1",
        "fd00::1 | 2001:db8::1 | 2001:db8:0:0:0:0:0:1", // one text form per address
      })
  void theSourceIsThePeerUnlessATrustedProxyForwardedTheRequest(
      String peer, String forwardedFor, String expected) {
    assertEquals(expected, BEHIND_PROXIES.of(peer, forwardedFor));
  }

  @ParameterizedTest
  @ValueSource(strings = {"::1", "0:0:0:0:0:0:0:1"})
  void loopbackIsOneSourceHoweverItIsWritten(String peer) {
    assertEquals("0:0:0:0:0:0:0:1", new ClientAddress(List.of()).of(peer, "203.0.113.9"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy.example", "10.0.0.0/33", "10.0.0.0/x", "1.2.3"})
  void aTrustedProxyThatIsNotAnAddressOrBlockIsAConfigurationError(String entry) {
    assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of(entry)));
  }
}
