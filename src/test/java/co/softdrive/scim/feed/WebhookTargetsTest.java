package co.softdrive.scim.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook address policy: public unicast addresses only, unless the operator allows more. */
class WebhookTargetsTest {
  static final WebhookTargets DEFAULT = new WebhookTargets(List.of());
  static final WebhookTargets TEST_SERVER = new WebhookTargets(List.of("127.0.0.1/32", " ::1"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // The reported targets first: the cloud metadata address and loopback.
        "169.254.169.254 | a link-local address",
        "127.0.0.1 | a loopback address",
        "127.255.255.254 | a loopback address",
        "0.0.0.0 | an unspecified (\"this network\") address",
        "0.1.2.3 | an unspecified (\"this network\") address",
        "10.0.0.1 | a private address",
        "10.255.255.255 | a private address",
        "172.16.0.1 | a private address",
        "172.31.255.255 | a private address",
        "192.168.1.1 | a private address",
        "100.64.0.1 | a shared (carrier-grade NAT) address",
        "100.127.255.255 | a shared (carrier-grade NAT) address",
        "192.0.0.170 | an IETF protocol address",
        "198.18.0.1 | a benchmarking address",
        "192.0.2.1 | a documentation address",
        "224.0.0.1 | a multicast address",
        "239.255.255.250 | a multicast address",
        "240.0.0.1 | a reserved address",
        "255.255.255.255 | a reserved address",
        ":: | the unspecified address",
        "::1 | a loopback address",
        "fe80::1 | a link-local address",
        "febf:ffff::1 | a link-local address",
        "fec0::1 | a site-local address",
        "fc00::1 | a unique local (private) address",
        "fd00:ec2::254 | a unique local (private) address",
        "ff02::1 | a multicast address",
        "2001:db8::1 | a documentation address",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2 | a Teredo tunnel address",
        "64:ff9b:1::a00:1 | a local-use NAT64 address",
        "100::1 | a discard address",
        // IPv6 forms that carry an IPv4 address are judged by it.
        "::ffff:127.0.0.1 | a loopback address",
        "::ffff:169.254.169.254 | a link-local address",
        "::ffff:a9fe:a9fe | a link-local address",
        "mapped:169.254.169.254 | a link-local address",
        "mapped:10.1.2.3 | a private address",
        "::127.0.0.1 | a loopback address",
        "::ffff:0:a00:1 | a private address",
        "64:ff9b::a9fe:a9fe | a link-local address",
        "64:ff9b::7f00:1 | a loopback address",
        "2002:a9fe:a9fe::1 | a link-local address",
        "2002:c0a8:0101::1 | a private address",
        // Public unicast: allowed.
        "8.8.8.8 | allowed",
        "93.184.216.34 | allowed",
        "11.0.0.1 | allowed",
        "100.63.255.255 | allowed",
        "100.128.0.0 | allowed",
        "169.253.255.255 | allowed",
        "169.255.0.1 | allowed",
        "172.15.255.255 | allowed",
        "172.32.0.0 | allowed",
        "192.167.255.255 | allowed",
        "192.169.0.0 | allowed",
        "223.255.255.255 | allowed",
        "2606:4700:4700::1111 | allowed",
        "2a00:1450:4001:80b::200e | allowed",
        "::ffff:8.8.8.8 | allowed",
        "mapped:8.8.8.8 | allowed",
        "64:ff9b::808:808 | allowed",
        "2002:808:808::1 | allowed",
      })
  void byDefaultOnlyPublicUnicastAddressesAreAllowed(String address, String expected) {
    assertEquals(expected, DEFAULT.refusal(bytes(address)).orElse("allowed"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.1 | allowed",
        "::1 | allowed",
        "::ffff:127.0.0.1 | allowed",
        "mapped:127.0.0.1 | allowed",
        "127.0.0.2 | a loopback address",
        "10.0.0.1 | a private address",
        "169.254.169.254 | a link-local address",
        "8.8.8.8 | allowed",
      })
  void theOperatorAllowsExactlyTheNetworksConfigured(String address, String expected) {
    assertEquals(expected, TEST_SERVER.refusal(bytes(address)).orElse("allowed"));
  }

  @Test
  void anAllowedBlockOpensTheWholeBlock() {
    WebhookTargets internal = new WebhookTargets(List.of("10.20.0.0/16", "fd12:3456::/32"));
    assertEquals(Optional.empty(), internal.refusal(bytes("10.20.255.1")));
    assertEquals(Optional.empty(), internal.refusal(bytes("fd12:3456::9")));
    assertEquals(Optional.of("a private address"), internal.refusal(bytes("10.21.0.1")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "10.0.0.0/33", "fc00::/129", "10.0.0.0/x", "1.2.3"})
  void anAllowedNetworkThatIsNotAnAddressOrBlockIsAConfigurationError(String entry) {
    assertThrows(IllegalArgumentException.class, () -> new WebhookTargets(List.of(entry)));
  }

  @Test
  void everyResolvedAddressIsCheckedAndTheCheckedOnesAreWhatIsConnectedTo() throws Exception {
    // A name with one public and one private address (or rebinding between lookups) is refused.
    Map<String, List<String>> dns =
        Map.of(
            "mixed.example", List.of("93.184.216.34", "10.0.0.5"),
            "metadata.example", List.of("169.254.169.254"),
            "public.example", List.of("93.184.216.34", "2606:2800:220:1::1"));
    WebhookTargets.Resolver resolver = host -> resolve(dns, host);
    WebhookTargets.Refused mixed =
        assertThrows(
            WebhookTargets.Refused.class,
            () -> DEFAULT.addresses(WebhookUrl.parse("https://mixed.example/h"), resolver));
    assertEquals("a private address", mixed.getMessage());
    assertThrows(
        WebhookTargets.Refused.class,
        () -> DEFAULT.addresses(WebhookUrl.parse("http://metadata.example/"), resolver));
    List<InetAddress> ok =
        DEFAULT.addresses(WebhookUrl.parse("https://public.example/h"), resolver);
    assertEquals(2, ok.size());
    assertEquals("public.example", ok.get(0).getHostName());
    assertEquals("93.184.216.34", ok.get(0).getHostAddress());
    assertThrows(
        UnknownHostException.class,
        () -> DEFAULT.addresses(WebhookUrl.parse("https://nowhere.example/"), resolver));
  }

  @Test
  void aLiteralIsCheckedWithoutAskingDns() throws Exception {
    WebhookTargets.Resolver noDns =
        host -> {
          throw new AssertionError("resolved " + host);
        };
    assertThrows(
        WebhookTargets.Refused.class,
        () -> DEFAULT.addresses(WebhookUrl.parse("http://169.254.169.254/latest"), noDns));
    assertThrows(
        WebhookTargets.Refused.class,
        () -> DEFAULT.addresses(WebhookUrl.parse("http://[::ffff:169.254.169.254]/"), noDns));
    assertEquals(
        "8.8.8.8",
        DEFAULT.addresses(WebhookUrl.parse("http://8.8.8.8/"), noDns).get(0).getHostAddress());
  }

  private static InetAddress[] resolve(Map<String, List<String>> dns, String host)
      throws UnknownHostException {
    List<String> addresses = dns.get(host);
    if (addresses == null) {
      throw new UnknownHostException(host);
    }
    InetAddress[] out = new InetAddress[addresses.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = InetAddress.getByAddress(bytes(addresses.get(i)));
    }
    return out;
  }

  /**
   * An IP literal's bytes; {@code mapped:a.b.c.d} is the 16-byte IPv4-mapped form, which Java's own
   * parser always shortens to 4 bytes.
   */
  static byte[] bytes(String address) {
    try {
      if (address.startsWith("mapped:")) {
        byte[] v4 = InetAddress.getByName(address.substring(7)).getAddress();
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
      }
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }
}
