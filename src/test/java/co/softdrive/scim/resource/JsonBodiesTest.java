package co.softdrive.scim.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.protocol.error.ScimException;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.limits.TestLimits;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Body size (413), nesting (400 invalidSyntax), number length (400 invalidValue) and duplicate keys
 * (400 invalidSyntax) within the configured limits.
 */
class JsonBodiesTest {

  private static InputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {"a":"xxx..."} of exactly {@code bytes} bytes. */
  private static String ofSize(int bytes) {
    return "{\"a\":\"" + "x".repeat(bytes - 8) + "\"}";
  }

  private static String nested(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }

  private static ScimException refusedAsScim(String json) {
    return assertThrows(
        ScimException.class, () -> JsonBodies.readObject(body(json), Limits.defaults()));
  }

  private static ScimException refusedAsAdmin(String json) {
    return assertThrows(ScimException.class, () -> JsonBodies.readObject(body(json), 100_000));
  }

  /**
   * Reported against the HTTP edge: a number over 1,100 characters made JSON-P throw
   * UnsupportedOperationException, a 500 on every JSON endpoint.
   */
  @Test
  void aNumberLongerThan1100CharactersIs400InvalidValueAndOneAtTheLimitIsRead() {
    String tooLong = "{\"userName\":\"x\",\"x\":" + "1".repeat(1101) + "}";
    for (ScimException e : List.of(refusedAsScim(tooLong), refusedAsAdmin(tooLong))) {
      assertEquals(400, e.status());
      assertEquals("invalidValue", e.scimType().orElseThrow());
      assertTrue(e.detail().contains("1101 characters"), e::detail);
    }
    // The limit counts every character of the number: sign, fraction and exponent too.
    assertEquals(
        "invalidValue",
        refusedAsScim("{\"a\":[-0." + "5".repeat(1100) + "e+1234]}").scimType().orElseThrow());
    String atLimit = "{\"x\":" + "1".repeat(JsonBodies.MAX_NUMBER_CHARS) + "}";
    assertEquals(1, JsonBodies.readObject(body(atLimit), Limits.defaults()).size());
  }

  @Test
  void aKeyTwiceInOneObjectIs400InvalidSyntaxAtAnyDepth() {
    List<String> duplicates =
        List.of(
            "{\"userName\":\"a\",\"userName\":\"b\"}",
            "{\"name\":{\"givenName\":\"a\",\"familyName\":\"b\",\"givenName\":\"c\"}}",
            "{\"emails\":[{\"value\":\"a@x\"},{\"value\":\"b@x\",\"type\":\"work\",\"value\":\"c@x\"}]}",
            "{\"a\":[[{\"b\":{\"c\":1,\"c\":2}}]]}");
    for (String json : duplicates) {
      for (ScimException e : List.of(refusedAsScim(json), refusedAsAdmin(json))) {
        assertEquals(400, e.status(), json);
        assertEquals("invalidSyntax", e.scimType().orElseThrow(), json);
        assertTrue(e.detail().contains("twice in one object"), e::detail);
      }
    }
  }

  @Test
  void theSameKeyInDifferentObjectsIsNoDuplicate() {
    String json =
        "{\"value\":1,\"emails\":[{\"value\":\"a@x\",\"type\":\"work\"},{\"value\":\"b@x\",\"type\":\"home\"}],"
            + "\"name\":{\"value\":{\"value\":2}}}";
    assertEquals(3, JsonBodies.readObject(body(json), Limits.defaults()).size());
    assertEquals(3, JsonBodies.readObject(body(json), 100_000).size());
  }

  /**
   * SCIM attribute names and schema URNs are case-insensitive: keys that differ only in case name
   * the same attribute twice. The admin API's keys are exact.
   */
  @Test
  void inAScimBodyKeysDifferingOnlyInCaseAreDuplicatesExtensionUrnsIncluded() {
    String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    List<String> duplicates =
        List.of(
            "{\"userName\":\"a\",\"USERNAME\":\"b\"}",
            "{\"name\":{\"givenName\":\"a\",\"givenname\":\"b\"}}",
            "{\""
                + enterprise
                + "\":{\"department\":\"a\"},\""
                + enterprise.toUpperCase(Locale.ROOT)
                + "\":{\"department\":\"b\"}}",
            "{\"" + enterprise + "\":{\"department\":\"a\",\"Department\":\"b\"}}");
    for (String json : duplicates) {
      ScimException e = refusedAsScim(json);
      assertEquals("invalidSyntax", e.scimType().orElseThrow(), json);
      assertTrue(e.detail().contains("case-insensitive"), e::detail);
      JsonBodies.readObject(body(json), 100_000); // the admin API's keys are exact
    }
  }

  @Test
  void aDuplicateKeyIsNamedShortly() {
    String key = "k".repeat(5000);
    ScimException e = refusedAsScim("{\"" + key + "\":1,\"" + key + "\":2}");
    assertTrue(e.detail().length() < 200, e::detail);
  }

  /** Found by HttpEdgeFuzzIT: Parsson throws NumberFormatException for such an exponent. */
  @Test
  void aNumberWhoseExponentOverflowsIsInvalidSyntaxNotAServerError() {
    ScimException e =
        assertThrows(
            ScimException.class,
            () ->
                JsonBodies.readObject(
                    body("{\"count\":1e9999999099,\"startIndex\":-1e400}"), Limits.defaults()));
    assertEquals(400, e.status());
    assertEquals("invalidSyntax", e.scimType().orElseThrow());
    // A large exponent that fits is still a number (whoever uses it checks its range).
    assertEquals(1, JsonBodies.readObject(body("{\"a\":1e400}"), Limits.defaults()).size());
  }

  @Test
  void aNulCharacterInAStringOrKeyIs400InvalidValue() {
    for (String json : new String[] {"{\"userName\":\"a\\u0000b\"}", "{\"a\\u0000\":1}"}) {
      ScimException e =
          assertThrows(
              ScimException.class, () -> JsonBodies.readObject(body(json), Limits.defaults()));
      assertEquals(400, e.status());
      assertEquals("invalidValue", e.scimType().orElseThrow());
    }
  }

  @Test
  void aBodyAtTheSizeLimitIsReadAndOneByteMoreIs413() {
    Limits limits = TestLimits.with("request-bytes", 100);
    assertEquals(100, ofSize(100).length());
    JsonBodies.readObject(body(ofSize(100)), limits);
    ScimException e =
        assertThrows(ScimException.class, () -> JsonBodies.readObject(body(ofSize(101)), limits));
    assertEquals(413, e.status());
    assertTrue(e.detail().contains("limit of 100 bytes"), e::detail);
  }

  @Test
  void aStreamOfUnknownLengthIsCutOffJustAfterTheLimit() {
    // An endless body (as a chunked request may be): at most limit + 1 bytes are ever read.
    int[] read = {0};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read[0]++;
            return ' ';
          }
        };
    ScimException e =
        assertThrows(
            ScimException.class,
            () -> JsonBodies.readObject(endless, TestLimits.with("request-bytes", 1000)));
    assertEquals(413, e.status());
    assertEquals(1001, read[0]);
  }

  @Test
  void nestingAtTheLimitIsReadAndOneLevelDeeperIsInvalidSyntax() {
    Limits limits = TestLimits.with("json-depth", 3);
    JsonBodies.readObject(body(nested(3)), limits);
    ScimException e =
        assertThrows(ScimException.class, () -> JsonBodies.readObject(body(nested(4)), limits));
    assertEquals(400, e.status());
    assertEquals(Optional.of("invalidSyntax"), e.scimType());
    assertTrue(e.detail().contains("deeper than 3 levels"), e::detail);
  }

  @Test
  void theDefaultDepthIs32() {
    JsonBodies.readObject(body(nested(32)), Limits.defaults());
    assertThrows(
        ScimException.class, () -> JsonBodies.readObject(body(nested(33)), Limits.defaults()));
  }
}
