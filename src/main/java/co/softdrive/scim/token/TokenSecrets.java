package co.softdrive.scim.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The format of service-account secrets: {@code sdscim_} followed by 43 base64url characters (256
 * bits from {@link SecureRandom}). The prefix lets secret scanners recognise a leaked token. At
 * rest only {@link #hash(String)} (SHA-256, hex) and {@link #displayPrefix(String)} are kept: with
 * 256 bits of entropy a fast hash is as safe as a slow KDF and lets every request be verified with
 * one indexed lookup.
 */
public final class TokenSecrets {
  public static final String PREFIX = "sdscim_";
  static final int RANDOM_BYTES = 32;
  static final int ENCODED_LENGTH = 43;
  public static final int TOKEN_LENGTH = PREFIX.length() + ENCODED_LENGTH;
  static final int DISPLAY_LENGTH = PREFIX.length() + 6;

  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  /** A fresh secret; show it once, store only its hash. */
  public static String generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text has the shape of one of our secrets (cheap check before any lookup). */
  public static boolean isWellFormed(String token) {
    if (token == null || token.length() != TOKEN_LENGTH || !token.startsWith(PREFIX)) {
      return false;
    }
    for (int i = PREFIX.length(); i < token.length(); i++) {
      char c = token.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** SHA-256 of the whole secret, lower-case hex (64 characters). */
  public static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Constant-time comparison of two hashes. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  /** The short, non-secret prefix shown in lists so people can tell tokens apart. */
  public static String displayPrefix(String token) {
    return token.substring(0, DISPLAY_LENGTH);
  }
}
