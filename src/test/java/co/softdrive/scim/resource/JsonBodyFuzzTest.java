package co.softdrive.scim.resource;

import static co.softdrive.scim.fuzz.ScimOutcome.acceptedOrRefused;

import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.list.AttributeProjection;
import co.softdrive.scim.protocol.patch.PatchEngine;
import co.softdrive.scim.protocol.patch.PatchRequest;
import co.softdrive.scim.protocol.patch.entra.EntraQuirks;
import co.softdrive.scim.protocol.schema.ResourceNormalizer;
import co.softdrive.scim.protocol.schema.ResourceTypeDef;
import co.softdrive.scim.protocol.schema.SchemaRegistry;
import co.softdrive.scim.query.ResourceQueries;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes what the HTTP edge does with raw request bytes, below JAX-RS: {@link JsonBodies} reads
 * them (size limit, nesting limit, malformed UTF-8, duplicate keys, huge numbers), then every
 * consumer of a body takes the object — POST/PUT normalisation of a User and a Group, PATCH parsing
 * and application to both, and a {@code .search} request (filter translation and attribute
 * projection). Each step accepts the input or refuses it with a SCIM 4xx that carries a {@code
 * scimType} (413 for an oversized body); nothing else may escape. Seeds: Entra's request bodies in
 * {@code src/test/resources/entra/}.
 */
class JsonBodyFuzzTest {
  /** Small enough that the fuzzer reaches the 413 branch with its 4 KiB inputs. */
  private static final int MAX_BYTES = 3000;

  private static final Set<String> BODY_ERRORS =
      Set.of(
          "invalidSyntax",
          "invalidValue",
          "invalidPath",
          "invalidFilter",
          "noTarget",
          "mutability",
          "tooMany");
  private static final EntraQuirks QUIRKS = EntraQuirks.defaults();
  private static final ResourceNormalizer NORMALIZER =
      new ResourceNormalizer(QUIRKS.valueRewrites(), Limits.defaults());
  private static final PatchEngine ENGINE = new PatchEngine(QUIRKS, Limits.defaults());
  private static final JsonObject STORED_USER =
      NORMALIZER.normalize(
          SchemaRegistry.USER_TYPE,
          read("{\"userName\":\"bjensen\",\"emails\":[{\"value\":\"b@x\",\"type\":\"work\"}]}"));
  private static final JsonObject STORED_GROUP =
      NORMALIZER.normalize(SchemaRegistry.GROUP_TYPE, read("{\"displayName\":\"Sales\"}"));

  static Stream<byte[]> seeds() throws IOException {
    Path entra = Path.of("src/test/resources/entra");
    try (Stream<Path> files = Files.list(entra)) {
      return files.sorted().map(JsonBodyFuzzTest::bytes).toList().stream();
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @MethodSource("seeds")
  @DictionaryEntries({
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\\u0000",
    "\\ud800",
    "\u00ff",
    "null",
    "true",
    "false",
    "1e999999999",
    "-0",
    "\"Operations\"",
    "\"op\"",
    "\"path\"",
    "\"value\"",
    "\"Replace\"",
    "\"members\"",
    "\"userName\"",
    "\"displayName\"",
    "\"emails\"",
    "\"filter\"",
    "\"attributes\"",
    "\"count\"",
    "\"startIndex\"",
    "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\""
  })
  @FuzzTest
  void requestBodyIsUsedOrRefusedWithAScimError(byte[] input) {
    InputStream in = new ByteArrayInputStream(input);
    acceptedOrRefused(() -> JsonBodies.readObject(in, MAX_BYTES), BODY_ERRORS)
        .ifPresent(
            body -> {
              useAsResource(SchemaRegistry.USER_TYPE, body);
              useAsResource(SchemaRegistry.GROUP_TYPE, body);
              useAsSearch(body);
            });
  }

  private static void useAsResource(ResourceTypeDef type, JsonObject body) {
    acceptedOrRefused(() -> NORMALIZER.normalizeWithMembers(type, body), BODY_ERRORS);
    JsonObject stored = type == SchemaRegistry.USER_TYPE ? STORED_USER : STORED_GROUP;
    acceptedOrRefused(() -> PatchRequest.parse(body, QUIRKS, Limits.defaults()), BODY_ERRORS)
        .ifPresent(
            request -> acceptedOrRefused(() -> ENGINE.apply(type, stored, request), BODY_ERRORS));
  }

  private static void useAsSearch(JsonObject body) {
    acceptedOrRefused(() -> ListRequest.fromSearchBody(body, 100, Limits.defaults()), BODY_ERRORS)
        .ifPresent(
            request -> {
              acceptedOrRefused(
                  () -> {
                    ResourceQueries.checkUsers(request.params());
                    return true;
                  },
                  BODY_ERRORS);
              AttributeProjection.apply(
                  body,
                  request.attributes(),
                  request.excludedAttributes(),
                  ScimResponses.ALWAYS_RETURNED);
            });
  }

  private static JsonObject read(String json) {
    return JsonBodies.readObject(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), MAX_BYTES);
  }
}
