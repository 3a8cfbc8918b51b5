package co.softdrive.scim.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TokenSecretsTest {

  @Test
  void generatedSecretsHaveThePrefixAnd256BitsOfRandomness() {
    String token = TokenSecrets.generate();
    assertTrue(token.startsWith("sdscim_"));
    assertEquals(TokenSecrets.TOKEN_LENGTH, token.length());
    byte[] random = Base64.getUrlDecoder().decode(token.substring(7));
    assertEquals(32, random.length);
    assertTrue(TokenSecrets.isWellFormed(token));
  }

  @Test
  void generatedSecretsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertTrue(seen.add(TokenSecrets.generate()));
    }
  }

  @Test
  void hashIsSha256HexAndDiffersFromTheSecret() {
    String token = TokenSecrets.generate();
    String hash = TokenSecrets.hash(token);
    assertEquals(64, hash.length());
    assertTrue(hash.matches("[0-9a-f]{64}"));
    assertNotEquals(token, hash);
    assertEquals(hash, TokenSecrets.hash(token));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        TokenSecrets.hash("abc"));
  }

  @Test
  void displayPrefixIsShortAndNotTheSecret() {
    String token = TokenSecrets.generate();
    String prefix = TokenSecrets.displayPrefix(token);
    assertEquals(13, prefix.length());
    assertTrue(token.startsWith(prefix));
  }

  static Stream<String> malformed() {
    return Stream.of(
        null,
        "",
        "sdscim_",
        "sdscim_short",
        "xxscim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "sdscim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!",
        "sdscim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedTokensAreRejectedBeforeAnyLookup(String token) {
    assertFalse(TokenSecrets.isWellFormed(token));
  }

  @Test
  void sameHashComparesWholeValues() {
    assertTrue(TokenSecrets.sameHash("abc", "abc"));
    assertFalse(TokenSecrets.sameHash("abc", "abd"));
    assertFalse(TokenSecrets.sameHash("abc", "abcd"));
  }
}
