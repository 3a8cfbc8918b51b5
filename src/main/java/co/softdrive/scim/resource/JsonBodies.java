package co.softdrive.scim.resource;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.limits.Limits;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies as JSON objects with limits: size ({@code 413}), nesting depth and syntax
 * ({@code 400 invalidSyntax}). Parsing here, not in a provider, keeps every failure a clear SCIM
 * error instead of a framework 500. The size is counted on the bytes read, so a chunked body (no
 * {@code Content-Length}) is bounded like any other, and at most one byte more than the limit is
 * ever read.
 */
public final class JsonBodies {
  private JsonBodies() {}

  /** A SCIM body: at most {@link Limits#requestBytes()}, nested {@link Limits#jsonDepth()} deep. */
  public static JsonObject readObject(InputStream in, Limits limits) {
    return readObject(in, limits.requestBytes(), limits.jsonDepth());
  }

  /** An admin API body: at most {@code maxBytes}, nested within the default depth. */
  public static JsonObject readObject(InputStream in, int maxBytes) {
    return readObject(in, maxBytes, Limits.defaults().jsonDepth());
  }

  private static JsonObject readObject(InputStream in, int maxBytes, int maxDepth) {
    byte[] bytes = readLimited(in, maxBytes);
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw ScimBadRequest.invalidSyntax("The request body is empty; a JSON object is expected");
    }
    checkStructure(text, maxDepth);
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
   * One streaming pass over the body: nesting depth, syntax, numbers in range, no NUL in strings.
   */
  private static void checkStructure(String text, int maxDepth) {
    int depth = 0;
    try (JsonParser parser =
        JSON.createParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_ARRAY, START_OBJECT -> {
            if (++depth > maxDepth) {
              throw ScimBadRequest.invalidSyntax(
                  "The request body nests deeper than " + maxDepth + " levels");
            }
          }
          case END_ARRAY, END_OBJECT -> depth--;
          case KEY_NAME, VALUE_STRING -> {
            if (parser.getString().indexOf('\0') >= 0) {
              // No stored value can hold it (PostgreSQL refuses it in text): a 400, not a 500.
              throw ScimBadRequest.invalidValue(
                  "The request body holds the NUL character (U+0000)");
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
}
