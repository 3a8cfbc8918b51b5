package co.softdrive.scim.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import co.softdrive.scim.token.TokenSecrets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Secret-shaped text is redacted before anything is recorded. */
class SecretRedactorTest {
  static final String TOKEN = "sdscim_AbCdEf" + "g".repeat(37);
  static final String WEBHOOK_SECRET = "whsec_" + "Q1w2E3r4T5y6".repeat(3) + "u7I8o9P0-_a";
  static final String R = SecretRedactor.REDACTED;

  static Stream<Arguments> rows() {
    return Stream.of(
        // The reported cases first: a token in a filter and in a path.
        Arguments.of("userName eq \"" + TOKEN + "\"", "userName eq \"sdscim_AbCdEf" + R + "\""),
        Arguments.of("/Users/" + TOKEN, "/Users/sdscim_AbCdEf" + R),
        Arguments.of("/Users/sdscim_xxx", "/Users/sdscim_" + R),
        // A PATCH path echoed in an error detail.
        Arguments.of(
            "Unknown attribute in path 'emails[value eq \"" + TOKEN + "\"]' at position 1",
            "Unknown attribute in path 'emails[value eq \"sdscim_AbCdEf"
                + R
                + "\"]' at position 1"),
        // Partial, longer or differently written tokens keep only the prefix.
        Arguments.of(TOKEN.substring(0, 30), "sdscim_" + R),
        Arguments.of(TOKEN + "extra", "sdscim_" + R),
        Arguments.of("SDSCIM_" + TOKEN.substring(7), "SDSCIM_" + R),
        Arguments.of("Bearer%20" + TOKEN, "Bearer%20sdscim_AbCdEf" + R),
        Arguments.of("x" + TOKEN + "." + TOKEN, "xsdscim_AbCdEf" + R + ".sdscim_AbCdEf" + R),
        Arguments.of("sdscim_", "sdscim_" + R),
        // Webhook signing secrets.
        Arguments.of(
            "displayName eq \"" + WEBHOOK_SECRET + "\"", "displayName eq \"whsec_" + R + "\""),
        Arguments.of("/Groups/WHSEC_abc", "/Groups/WHSEC_" + R),
        // Ordinary text is left alone.
        Arguments.of("userName eq \"ada@example.com\"", "userName eq \"ada@example.com\""),
        Arguments.of(
            "/Users/2819c223-7f76-453a-919d-413861904646",
            "/Users/2819c223-7f76-453a-919d-413861904646"),
        Arguments.of("sdscim", "sdscim"),
        Arguments.of("sd_scim_abc whsec", "sd_scim_abc whsec"),
        Arguments.of("", ""));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("rows")
  void secretShapedTextIsRedacted(String text, String recorded) {
    assertEquals(recorded, SecretRedactor.redact(text));
  }

  @Test
  void nothingIsNull() {
    assertNull(SecretRedactor.redact(null));
  }

  @Test
  void aRealTokenKeepsExactlyItsDisplayPrefix() {
    String token = TokenSecrets.generate();
    String recorded = SecretRedactor.redact("/Users/" + token);
    assertEquals("/Users/" + TokenSecrets.displayPrefix(token) + R, recorded);
    assertFalse(recorded.contains(token.substring(13)));
  }

  @Test
  void everyTextOfAnActivityEntryIsRedactedBeforeItIsCut() {
    String path = "/Users/" + TOKEN;
    ActivityEntry e =
        ActivityEntry.of(
            "t1",
            0,
            "sdscim_AbCdEf",
            "GET",
            "/" + "a".repeat(ActivityEntry.MAX_PATH - 20) + TOKEN,
            ScimOperation.classify("GET", path),
            400,
            "invalidFilter",
            "bad value " + TOKEN,
            "userName eq \"" + TOKEN + "\"",
            3);
    for (String text : new String[] {e.path(), e.resourceId(), e.detail(), e.filter()}) {
      assertFalse(text.contains(TOKEN.substring(13, 20)), text);
    }
  }
}
