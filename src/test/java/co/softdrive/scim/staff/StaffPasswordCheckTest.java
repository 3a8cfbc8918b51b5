package co.softdrive.scim.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import co.softdrive.scim.persistence.StaffAccountEntity;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wrong password costs one PBKDF2 verification with the production parameters whether the account
 * exists, is disabled or does not exist, so that its time names no account. The hasher here counts
 * verifications and writes its parameters into each hash instead of deriving a key.
 */
class StaffPasswordCheckTest {
  static final String PASSWORD = "the-right-password";

  /** A stand-in for the container's PBKDF2: hashes say how they were made; verifications count. */
  static final class CountingHash implements Pbkdf2PasswordHash {
    final List<String> verifiedAgainst = new ArrayList<>();
    int generated;
    private String parameters = "not initialised";

    @Override
    public void initialize(Map<String, String> p) {
      parameters =
          p.get("Pbkdf2PasswordHash.Algorithm")
              + ":"
              + p.get("Pbkdf2PasswordHash.Iterations")
              + ":"
              + p.get("Pbkdf2PasswordHash.SaltSizeBytes")
              + ":"
              + p.get("Pbkdf2PasswordHash.KeySizeBytes");
    }

    @Override
    public String generate(char[] password) {
      generated++;
      return parameters + ":" + UUID.randomUUID() + ":" + new String(password);
    }

    @Override
    public boolean verify(char[] password, String hashedPassword) {
      verifiedAgainst.add(hashedPassword);
      return hashedPassword.endsWith(":" + new String(password));
    }

    /** The parameters a hash was made with (algorithm, iterations, salt and key size). */
    static String parametersOf(String hash) {
      return hash.substring(0, hash.indexOf(':', hash.indexOf(':', hash.indexOf(':') + 1) + 1));
    }
  }

  CountingHash hash;
  StaffService staff;
  StaffAccountEntity account;

  @BeforeEach
  void service() {
    hash = new CountingHash();
    staff = new StaffService();
    staff.passwords = new StaffPasswords(hash);
    account =
        new StaffAccountEntity(
            "alice", staff.passwords.hash(PASSWORD), Set.of(StaffService.SUPPORT), 0);
  }

  @Test
  void anUnknownAccountCostsTheSamePbkdf2VerificationAsAWrongPassword() {
    assertEquals(Optional.empty(), staff.verify(account, "alice", "wrong-password"));
    assertEquals(List.of(account.getPasswordHash()), hash.verifiedAgainst);

    assertEquals(Optional.empty(), staff.verify(null, "nobody", "wrong-password"));
    assertEquals(2, hash.verifiedAgainst.size(), "one verification for an unknown account");
    String dummy = hash.verifiedAgainst.get(1);
    assertNotEquals(account.getPasswordHash(), dummy);
    assertEquals(
        CountingHash.parametersOf(account.getPasswordHash()),
        CountingHash.parametersOf(dummy),
        "the dummy hash is made with the parameters of real ones");
    assertEquals("PBKDF2WithHmacSHA512:210000:32", CountingHash.parametersOf(dummy));
  }

  @Test
  void aDisabledAccountCostsTheSameAndItsRightPasswordIsRefused() {
    account.setEnabled(false, 1);
    assertEquals(Optional.empty(), staff.verify(account, "alice", PASSWORD));
    assertEquals(Optional.empty(), staff.verify(account, "alice", "wrong-password"));
    assertEquals(2, hash.verifiedAgainst.size(), "one verification per attempt");
    assertFalse(
        hash.verifiedAgainst.contains(account.getPasswordHash()),
        "never checked against the disabled account's hash, so never a match");
  }

  @Test
  void theDummyHashIsMadeOnceAndNeverMatches() {
    int generated = hash.generated;
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), staff.verify(null, "nobody", "any-password"));
    }
    assertEquals(generated, hash.generated, "no new hash per attempt");
    assertEquals(1, Set.copyOf(hash.verifiedAgainst).size(), "always the same dummy hash");
    assertFalse(staff.passwords.matches("any-password", null));
  }

  @Test
  void theRightPasswordIsVerifiedOnceThenRemembered() {
    assertEquals(
        Optional.of(Set.of(StaffService.SUPPORT)), staff.verify(account, "alice", PASSWORD));
    assertEquals(
        Optional.of(Set.of(StaffService.SUPPORT)), staff.verify(account, "alice", PASSWORD));
    assertEquals(1, hash.verifiedAgainst.size());
  }
}
