package co.softdrive.scim.resource;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.error.ScimException;
import co.softdrive.scim.protocol.limits.Limits;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads request bodies as JSON objects with limits: size ({@code 413}), nesting depth and syntax
 * ({@code 400 invalidSyntax}), number length ({@code 400 invalidValue}), and no key twice in one
 * object ({@code 400 invalidSyntax}). Parsing here, not in a provider, keeps every failure a clear
 * SCIM error instead of a framework 500. The size is counted on the bytes read, so a chunked body
 * (no {@code Content-Length}) is bounded like any other, and at most one byte more than the limit
 * is ever read.
 */
public final class JsonBodies {
  /**
   * The longest number accepted, in characters. JSON-P (Parsson) refuses to turn a longer one into
   * a {@code BigDecimal} with an {@code UnsupportedOperationException} (its {@code
   * org.eclipse.parsson.maxBigDecimalLength} default), which was a 500; no attribute needs one
   * anywhere near as long.
   */
  static final int MAX_NUMBER_CHARS = 1100;

  /** A key named in an error detail is cut to this length. */
  private static final int MAX_KEY_SHOWN = 64;

  /** Stands for an array in the stack of open containers: it has no keys. */
  private static final Set<String> NOT_AN_OBJECT = Set.of();

  private JsonBodies() {}

  /**
   * A SCIM body: at most {@link Limits#requestBytes()}, nested {@link Limits#jsonDepth()} deep,
   * keys unique ignoring case.
   */
  public static JsonObject readObject(InputStream in, Limits limits) {
    return readObject(in, limits.requestBytes(), limits.jsonDepth(), Keys.IGNORING_CASE);
  }

  /** An admin API body: at most {@code maxBytes}, nested within the default depth, keys unique. */
  public static JsonObject readObject(InputStream in, int maxBytes) {
    return readObject(in, maxBytes, Limits.defaults().jsonDepth(), Keys.EXACT);
  }

  /**
   * How keys of one object are told apart. A JSON object with a key twice is not refused by JSON-P,
   * whose reader keeps the last value: a client (or whatever sits between it and us) could then
   * mean one value while we store another. SCIM attribute names are case-insensitive (RFC 7643
   * §2.1), and so are the schema URNs that name extensions, so in a SCIM body {@code userName} and
   * {@code USERNAME} in one object are the same attribute twice, as are {@code
   * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User} and its upper-case spelling: the
   * rest of the service looks attributes up with {@code equalsIgnoreCase}, which {@link
   * String#CASE_INSENSITIVE_ORDER} matches exactly. The same name in different objects (a {@code
   * value} in each element of {@code emails}) is no duplicate. Admin API keys are matched exactly.
   */
  private enum Keys {
    EXACT,
    IGNORING_CASE;

    Set<String> newSet() {
      return this == EXACT ? new HashSet<>() : new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    }
  }

  private static JsonObject readObject(InputStream in, int maxBytes, int maxDepth, Keys keys) {
    byte[] bytes = readLimited(in, maxBytes);
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw ScimBadRequest.invalidSyntax("The request body is empty; a JSON object is expected");
    }
    checkStructure(text, maxDepth, keys);
    try (var reader = JSON.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw ScimBadRequest.invalidSyntax("The request body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonParsingException e) {
      throw ScimBadRequest.invalidSyntax(
          "The request body is not valid JSON (at line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + ")");
    } catch (JsonException e) {
      throw ScimBadRequest.invalidSyntax("The request body is not valid JSON");
    } catch (NumberFormatException | ArithmeticException e) {
      // Parsson refuses a number whose exponent does not fit an int (1e9999999999), found by
      // HttpEdgeFuzzIT: a client error, not a 500.
      throw ScimBadRequest.invalidSyntax("The request body holds a number out of range");
    }
  }

  private static byte[] readLimited(InputStream in, int maxBytes) {
    if (in == null) {
      return new byte[0];
    }
    try {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw ScimErrors.payloadTooLarge(
            "The request body exceeds the limit of " + maxBytes + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw ScimBadRequest.invalidSyntax("The request body could not be read");
    }
  }

  /**
   * One streaming pass over the body: nesting depth, syntax, numbers in range, no NUL in strings,
   * no key twice in one object.
   */
  private static void checkStructure(String text, int maxDepth, Keys keys) {
    // The keys seen so far in each enclosing container; null for an array.
    Deque<Set<String>> open = new ArrayDeque<>();
    try (JsonParser parser =
        JSON.createParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_ARRAY, START_OBJECT -> {
            if (open.size() >= maxDepth) {
              throw ScimBadRequest.invalidSyntax(
                  "The request body nests deeper than " + maxDepth + " levels");
            }
            open.push(
                parser.currentEvent() == JsonParser.Event.START_OBJECT
                    ? keys.newSet()
                    : NOT_AN_OBJECT);
          }
          case END_ARRAY, END_OBJECT -> open.pop();
          case KEY_NAME -> {
            String key = checkString(parser);
            if (!open.peek().add(key)) {
              throw duplicate(key, keys, parser);
            }
          }
          case VALUE_STRING -> checkString(parser);
          case VALUE_NUMBER -> {
            if (parser.getString().length() > MAX_NUMBER_CHARS) {
              throw ScimBadRequest.invalidValue(
                  "The request body holds a number of "
                      + parser.getString().length()
                      + " characters at "
                      + where(parser)
                      + "; at most "
                      + MAX_NUMBER_CHARS
                      + " are accepted");
            }
          }
          default -> {}
        }
      }
    } catch (JsonParsingException e) {
      throw ScimBadRequest.invalidSyntax(
          "The request body is not valid JSON (at line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + ")");
    } catch (JsonException e) {
      throw ScimBadRequest.invalidSyntax("The request body is not valid JSON");
    } catch (NumberFormatException | ArithmeticException e) {
      // Parsson refuses a number whose exponent does not fit an int (1e9999999999), found by
      // HttpEdgeFuzzIT: a client error, not a 500.
      throw ScimBadRequest.invalidSyntax("The request body holds a number out of range");
    }
  }

  private static String checkString(JsonParser parser) {
    String s = parser.getString();
    if (s.indexOf('\0') >= 0) {
      // No stored value can hold it (PostgreSQL refuses it in text): a 400, not a 500.
      throw ScimBadRequest.invalidValue("The request body holds the NUL character (U+0000)");
    }
    return s;
  }

  private static ScimException duplicate(String key, Keys keys, JsonParser parser) {
    String shown = key.length() > MAX_KEY_SHOWN ? key.substring(0, MAX_KEY_SHOWN) + "..." : key;
    return ScimBadRequest.invalidSyntax(
        "The request body has the key \""
            + shown
            + "\" twice in one object, at "
            + where(parser)
            + (keys == Keys.IGNORING_CASE ? " (attribute names are case-insensitive)" : ""));
  }

  private static String where(JsonParser parser) {
    JsonLocation at = parser.getLocation();
    return "line " + at.getLineNumber() + ", column " + at.getColumnNumber();
  }
}
