package co.softdrive.scim.throttle;

import co.softdrive.scim.platform.IpBlock;
import java.util.List;
import java.util.Optional;

/**
 * Which address a request comes from, for throttling. The direct peer, unless the peer is one of
 * the trusted proxies ({@code scim.limits.auth.trusted-proxies}: addresses or CIDR blocks such as
 * {@code 10.0.0.0/8}); then {@code X-Forwarded-For} is read from the right, skipping trusted
 * proxies, and the first other address is the client. Anyone can send {@code X-Forwarded-For}, so
 * without a trusted peer it is ignored. Entries that are not IP literals end the walk (nothing is
 * ever resolved through DNS). Addresses come back in one canonical text form.
 */
final class ClientAddress {
  private final List<IpBlock> trusted;

  /**
   * @param trustedProxies addresses or CIDR blocks
   * @throws IllegalArgumentException naming an entry that is neither
   */
  ClientAddress(List<String> trustedProxies) {
    this.trusted = trustedProxies.stream().map(IpBlock::parse).toList();
  }

  /**
   * @param peer the address of the direct peer ({@code getRemoteAddr()})
   * @param forwardedFor the {@code X-Forwarded-For} header, or null
   */
  String of(String peer, String forwardedFor) {
    Optional<byte[]> peerBytes = IpBlock.literal(peer);
    String client = peerBytes.map(IpBlock::text).orElse(peer);
    if (forwardedFor == null || peerBytes.isEmpty() || !isTrusted(peerBytes.get())) {
      return client;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      Optional<byte[]> hop = IpBlock.literal(hops[i].strip());
      if (hop.isEmpty()) {
        return client;
      }
      client = IpBlock.text(hop.get());
      if (!isTrusted(hop.get())) {
        return client;
      }
    }
    return client;
  }

  private boolean isTrusted(byte[] address) {
    return trusted.stream().anyMatch(b -> b.contains(address));
  }
}
