package co.softdrive.scim.staff;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Staff password hashes: PBKDF2-HMAC-SHA512, 210,000 iterations, 32-byte salt, 64-byte key.
 *
 * <p>A check costs one PBKDF2 derivation whether or not there is a hash to check against: for an
 * unknown or disabled account the password is verified against a dummy hash made once with the same
 * parameters, and the answer is no. Otherwise a wrong password would take about 300 ms for an
 * existing account and a few for an unknown one, and that difference names the staff accounts.
 */
final class StaffPasswords {
  static final Map<String, String> PARAMETERS =
      Map.of(
          "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
          "Pbkdf2PasswordHash.Iterations", "210000",
          "Pbkdf2PasswordHash.SaltSizeBytes", "32",
          "Pbkdf2PasswordHash.KeySizeBytes", "64");

  private final Pbkdf2PasswordHash hash;
  private final String dummy;

  /** Configures {@code hash} with {@link #PARAMETERS}, and makes the dummy hash with it. */
  StaffPasswords(Pbkdf2PasswordHash hash) {
    hash.initialize(PARAMETERS);
    this.hash = hash;
    this.dummy = hash.generate(StaffService.randomPassword().toCharArray());
  }

  /** A new hash of {@code password} to store. */
  String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  /**
   * Whether {@code password} matches {@code stored}; {@code null} for an account that does not
   * exist or may not sign in costs the same and is never a match.
   */
  boolean matches(String password, String stored) {
    boolean matches = hash.verify(password.toCharArray(), stored != null ? stored : dummy);
    return stored != null && matches;
  }
}
