package co.softdrive.scim.feed;

import co.softdrive.scim.platform.IpBlock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be delivered to: public unicast ones, plus whatever the operator
 * allows in {@code scim.webhooks.allowed-networks}. Everything else is refused, so that a webhook
 * cannot be turned against the service's own network (SSRF): loopback, link-local (the cloud
 * metadata address 169.254.169.254 among them), private and carrier-grade NAT ranges, unspecified,
 * multicast, reserved and documentation ranges (RFC 6890). IPv6 forms that carry an IPv4 address
 * (IPv4-mapped, IPv4-compatible, IPv4-translated, NAT64 {@code 64:ff9b::/96}, 6to4 {@code
 * 2002::/16}) are judged by that IPv4 address; Teredo and local-use NAT64, whose embedding cannot
 * be read back reliably, are refused.
 */
final class WebhookTargets {
  private record Range(IpBlock block, String what) {}

  private static final String PRIVATE = "a private address";
  private static final String DOCUMENTATION = "a documentation address";
  private static final String MULTICAST = "a multicast address";
  private static final String LINK_LOCAL = "a link-local address";
  private static final String LOOPBACK = "a loopback address";

  private static final List<Range> REFUSED =
      List.of(
          range("0.0.0.0/8", "an unspecified (\"this network\") address"),
          range("10.0.0.0/8", PRIVATE),
          range("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
          range("127.0.0.0/8", LOOPBACK),
          range("169.254.0.0/16", LINK_LOCAL),
          range("172.16.0.0/12", PRIVATE),
          range("192.0.0.0/24", "an IETF protocol address"),
          range("192.0.2.0/24", DOCUMENTATION),
          range("192.168.0.0/16", PRIVATE),
          range("198.18.0.0/15", "a benchmarking address"),
          range("198.51.100.0/24", DOCUMENTATION),
          range("203.0.113.0/24", DOCUMENTATION),
          range("224.0.0.0/4", MULTICAST),
          range("240.0.0.0/4", "a reserved address"),
          range("::/128", "the unspecified address"),
          range("::1/128", LOOPBACK),
          range("64:ff9b:1::/48", "a local-use NAT64 address"),
          range("100::/64", "a discard address"),
          range("2001::/32", "a Teredo tunnel address"),
          range("2001:db8::/32", DOCUMENTATION),
          range("fc00::/7", "a unique local (private) address"),
          range("fe80::/10", LINK_LOCAL),
          range("fec0::/10", "a site-local address"),
          range("ff00::/8", MULTICAST));

  /**
   * IPv6 prefixes whose last 32 bits are an IPv4 address. IPv4-mapped ({@code ::ffff:0:0/96}) is
   * checked byte by byte: Java turns that form into a 4-byte address wherever it parses one.
   */
  private static final List<IpBlock> IPV4_IN_LAST_32_BITS =
      List.of(
          IpBlock.parse("::/96"), IpBlock.parse("::ffff:0:0:0/96"), IpBlock.parse("64:ff9b::/96"));

  private static final IpBlock SIX_TO_FOUR = IpBlock.parse("2002::/16");

  private final List<IpBlock> allowed;

  /**
   * @param allowedNetworks addresses or CIDR blocks the operator allows although they are refused
   *     by default (e.g. a receiver on the internal network)
   * @throws IllegalArgumentException naming an entry that is neither
   */
  WebhookTargets(List<String> allowedNetworks) {
    this.allowed = allowedNetworks.stream().map(IpBlock::parse).toList();
  }

  /** Resolves a host name to all its addresses (DNS in production, a table in tests). */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A target this policy refuses; {@link #getMessage()} says what kind of address it is. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String what) {
      super(what, null, false, false);
    }
  }

  /**
   * The addresses a delivery to this URL may connect to: the literal, or every address its host
   * resolves to, each of them checked. Connecting to exactly these (never resolving again) is what
   * keeps a name that resolves differently the second time (DNS rebinding) from getting through.
   *
   * @throws Refused when the literal or any resolved address is refused
   * @throws UnknownHostException when the name does not resolve
   */
  List<InetAddress> addresses(WebhookUrl url, Resolver dns) throws Refused, UnknownHostException {
    List<InetAddress> checked = new ArrayList<>();
    if (url.literal() != null) {
      checked.add(InetAddress.getByAddress(url.literal()));
    } else {
      for (InetAddress a : dns.resolve(url.host())) {
        checked.add(InetAddress.getByAddress(url.host(), a.getAddress()));
      }
    }
    for (InetAddress a : checked) {
      Optional<String> why = refusal(a.getAddress());
      if (why.isPresent()) {
        throw new Refused(why.get());
      }
    }
    return checked;
  }

  /**
   * Why a delivery to this address (4 or 16 bytes) is refused, e.g. "a loopback address"; empty
   * when it is allowed.
   */
  Optional<String> refusal(byte[] address) {
    if (allowed.stream().anyMatch(b -> b.contains(address))) {
      return Optional.empty();
    }
    for (Range r : REFUSED) {
      if (r.block().contains(address)) {
        return Optional.of(r.what());
      }
    }
    return embeddedIpv4(address).flatMap(this::refusal);
  }

  private static Optional<byte[]> embeddedIpv4(byte[] address) {
    if (address.length != 16) {
      return Optional.empty();
    }
    if (isIpv4Mapped(address) || IPV4_IN_LAST_32_BITS.stream().anyMatch(b -> b.contains(address))) {
      return Optional.of(Arrays.copyOfRange(address, 12, 16));
    }
    if (SIX_TO_FOUR.contains(address)) {
      return Optional.of(Arrays.copyOfRange(address, 2, 6));
    }
    return Optional.empty();
  }

  private static boolean isIpv4Mapped(byte[] address) {
    for (int i = 0; i < 10; i++) {
      if (address[i] != 0) {
        return false;
      }
    }
    return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
  }

  private static Range range(String cidr, String what) {
    return new Range(IpBlock.parse(cidr), what);
  }
}
