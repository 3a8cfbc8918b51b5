package co.softdrive.scim.resource;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.error.ScimErrors;
import jakarta.json.Json;
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
 * error instead of a framework 500.
 */
public final class JsonBodies {
  /** Default maximum body size: a 20,000-member PATCH fits comfortably. */
  public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

  /** Maximum nesting of objects and arrays; SCIM resources need 4. */
  public static final int MAX_DEPTH = 32;

  private JsonBodies() {}

  public static JsonObject readObject(InputStream in, int maxBytes) {
    byte[] bytes = readLimited(in, maxBytes);
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw ScimBadRequest.invalidSyntax("The request body is empty; a JSON object is expected");
    }
    checkDepth(text);
    try (var reader = Json.createReader(new StringReader(text))) {
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

  private static void checkDepth(String text) {
    int depth = 0;
    try (JsonParser parser =
        Json.createParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_ARRAY, START_OBJECT -> {
            if (++depth > MAX_DEPTH) {
              throw ScimBadRequest.invalidSyntax(
                  "The request body nests deeper than " + MAX_DEPTH + " levels");
            }
          }
          case END_ARRAY, END_OBJECT -> depth--;
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
    }
  }
}
