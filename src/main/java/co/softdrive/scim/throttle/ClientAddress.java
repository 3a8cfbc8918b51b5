package co.softdrive.scim.throttle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which address a request comes from, for throttling. The direct peer, unless the peer is one of
 * the trusted proxies ({@code scim.limits.auth.trusted-proxies}: addresses or CIDR blocks such as
 * {@code 10.0.0.0/8}); then {@code X-Forwarded-For} is read from the right, skipping trusted
 * proxies, and the first other address is the client. Anyone can send {@code X-Forwarded-For}, so
 * without a trusted peer it is ignored. Entries that are not IP literals end the walk (nothing is
 * ever resolved through DNS). Addresses come back in one canonical text form.
 */
final class ClientAddress {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private record Block(byte[] network, int prefixBits) {
    boolean contains(byte[] address) {
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
  }

  private final List<Block> trusted;

  /**
   * @param trustedProxies addresses or CIDR blocks
   * @throws IllegalArgumentException naming an entry that is neither
   */
  ClientAddress(List<String> trustedProxies) {
    List<Block> blocks = new ArrayList<>();
    for (String entry : trustedProxies) {
      int slash = entry.indexOf('/');
      String host = slash < 0 ? entry : entry.substring(0, slash);
      byte[] network =
          literal(host)
              .orElseThrow(
                  () -> new IllegalArgumentException("not an IP address or CIDR block: " + entry));
      int bits = network.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > network.length * 8) {
          throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
        }
      }
      blocks.add(new Block(network, bits));
    }
    this.trusted = List.copyOf(blocks);
  }

  /**
   * @param peer the address of the direct peer ({@code getRemoteAddr()})
   * @param forwardedFor the {@code X-Forwarded-For} header, or null
   */
  String of(String peer, String forwardedFor) {
    Optional<byte[]> peerBytes = literal(peer);
    String client = peerBytes.map(ClientAddress::text).orElse(peer);
    if (forwardedFor == null || peerBytes.isEmpty() || !isTrusted(peerBytes.get())) {
      return client;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      Optional<byte[]> hop = literal(hops[i].strip());
      if (hop.isEmpty()) {
        return client;
      }
      client = text(hop.get());
      if (!isTrusted(hop.get())) {
        return client;
      }
    }
    return client;
  }

  private boolean isTrusted(byte[] address) {
    return trusted.stream().anyMatch(b -> b.contains(address));
  }

  /**
   * The bytes of an IPv4 or IPv6 literal; empty for anything else. Never a DNS lookup: IPv4 is
   * parsed here, and {@link InetAddress#getByName} treats text with a colon as an IPv6 literal
   * only.
   */
  private static Optional<byte[]> literal(String s) {
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

  private static String text(byte[] address) {
    try {
      return InetAddress.getByAddress(address).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // only for a wrong length, which literal() never gives
    }
  }
}
