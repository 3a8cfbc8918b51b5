package co.softdrive.scim.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block of IPv4 or IPv6 addresses written as a CIDR block ({@code 10.0.0.0/8}, {@code fc00::/7})
 * or a single address, as settings such as {@code scim.limits.auth.trusted-proxies} and {@code
 * scim.webhooks.allowed-networks} name them. Nothing here ever asks DNS.
 */
public final class IpBlock {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final byte[] network;
  private final int prefixBits;

  private IpBlock(byte[] network, int prefixBits) {
    this.network = network;
    this.prefixBits = prefixBits;
  }

  /**
   * @param entry an address or a CIDR block
   * @throws IllegalArgumentException naming an entry that is neither
   */
  public static IpBlock parse(String entry) {
    String text = entry.strip();
    int slash = text.indexOf('/');
    byte[] network =
        literal(slash < 0 ? text : text.substring(0, slash))
            .orElseThrow(
                () -> new IllegalArgumentException("not an IP address or CIDR block: " + entry));
    int bits = network.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
      if (bits < 0 || bits > network.length * 8) {
        throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
      }
    }
    return new IpBlock(network, bits);
  }

  /** Whether the address (4 or 16 bytes) lies in this block; IPv4 never matches an IPv6 block. */
  public boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int full = prefixBits / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixBits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (address[full] & mask) == (network[full] & mask);
  }

  /**
   * The bytes of an IPv4 literal in dotted-decimal form or of an IPv6 literal (without brackets);
   * empty for anything else. Never a DNS lookup: IPv4 is parsed here, and {@link
   * InetAddress#getByName} treats text with a colon as an IPv6 literal only. An IPv4-mapped IPv6
   * literal ({@code ::ffff:10.0.0.1}) comes back as its 4 IPv4 bytes.
   */
  public static Optional<byte[]> literal(String s) {
    if (s == null) {
      return Optional.empty();
    }
    if (IPV4.matcher(s).matches()) {
      String[] parts = s.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        int octet = Integer.parseInt(parts[i]);
        if (octet > 255) {
          return Optional.empty();
        }
        bytes[i] = (byte) octet;
      }
      return Optional.of(bytes);
    }
    if (!IPV6.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(s).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The canonical text of an address (4 or 16 bytes). */
  public static String text(byte[] address) {
    try {
      return InetAddress.getByAddress(address).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not 4 or 16 bytes", e);
    }
  }
}
