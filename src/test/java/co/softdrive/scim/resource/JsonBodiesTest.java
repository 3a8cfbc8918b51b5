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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Body size (413) and nesting (400 invalidSyntax) within the configured limits. */
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
