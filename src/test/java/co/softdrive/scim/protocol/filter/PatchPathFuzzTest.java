package co.softdrive.scim.protocol.filter;

import static co.softdrive.scim.fuzz.ScimOutcome.acceptedOrRefused;

import co.softdrive.scim.protocol.path.AttrPath;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the PATCH path parser (RFC 7644 §3.5.2): any text is parsed or refused with {@code 400
 * invalidPath}. A parsed path without a value filter prints back ({@link AttrPath#toString}, or the
 * URN of a whole extension) to text that parses to the same path, so what the parser accepts is
 * exactly what it describes.
 */
class PatchPathFuzzTest {
  private static final Set<String> INVALID_PATH = Set.of("invalidPath");

  static Stream<byte[]> seeds() {
    return Stream.of(
            "name.familyName",
            "emails[type eq \"work\"].value",
            "addresses[type eq \"work\" and primary eq true].streetAddress",
            "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName",
            "roles[primary eq \"True\"]",
            "$ref")
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
  }

  @MethodSource("seeds")
  @DictionaryEntries({
    ".",
    ":",
    "[",
    "]",
    "\"",
    " eq ",
    " and ",
    " or ",
    " pr",
    "not (",
    "value",
    "type",
    "members",
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    "2.0",
    "$ref"
  })
  @FuzzTest
  void pathIsParsedToWhatItSaysOrRefusedAsInvalidPath(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    acceptedOrRefused(() -> PathParser.parse(text), INVALID_PATH)
        .filter(path -> !path.hasFilter())
        .ifPresent(
            path -> {
              // A whole extension is AttrPath(urn, "", null); its text is the URN alone.
              String printed =
                  PathParser.isWholeExtension(path) ? path.attr().schema() : path.attr().toString();
              PatchPath again = PathParser.parse(printed);
              if (!again.equals(path)) {
                throw new AssertionError(
                    "'" + text + "' parsed to " + path + ", which parses to " + again);
              }
            });
  }
}
