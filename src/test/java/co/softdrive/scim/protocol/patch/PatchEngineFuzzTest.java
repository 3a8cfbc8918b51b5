package co.softdrive.scim.protocol.patch;

import static co.softdrive.scim.fuzz.ScimOutcome.acceptedOrRefused;

import co.softdrive.scim.fuzz.FuzzBytes;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.patch.entra.EntraQuirks;
import co.softdrive.scim.protocol.schema.NormalizedResource;
import co.softdrive.scim.protocol.schema.ResourceNormalizer;
import co.softdrive.scim.protocol.schema.ResourceTypeDef;
import co.softdrive.scim.protocol.schema.SchemaRegistry;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes PATCH (RFC 7644 §3.5.2) end to end below HTTP: a generated request ({@link PatchBodies})
 * is parsed and applied to a realistic Entra-provisioned User or Group, with Entra's workarounds on
 * (production) or off (strict RFC). Invariants:
 *
 * <ul>
 *   <li>the request is applied, or refused with a SCIM 400 carrying a {@code scimType};
 *   <li>the stored resource given to the engine is never changed (PATCH is atomic);
 *   <li>a patched resource is valid and canonical: normalising it as a POST body (without Entra's
 *       rewrites) gives it back unchanged, it survives a JSON text round trip, and a Group's
 *       members never enter its JSON.
 * </ul>
 */
class PatchEngineFuzzTest {
  private static final Set<String> PATCH_ERRORS =
      Set.of(
          "invalidSyntax",
          "invalidPath",
          "invalidFilter",
          "noTarget",
          "invalidValue",
          "mutability",
          "tooMany");

  /**
   * Checks the schema without Entra's value rewrites: they undo client quirks in input and need not
   * be idempotent (a role whose value is a JSON-object string is unwrapped again each time:
   * crash-58264200 in the inputs directory), while a stored resource must conform as it is.
   */
  private static final ResourceNormalizer SCHEMA_ONLY =
      new ResourceNormalizer(List.of(), Limits.defaults());

  private static final JsonObject USER =
      read(
          """
          {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
           "userName":"bjensen@example.com","externalId":"bjensen","active":true,
           "displayName":"Barbara Jensen","title":"Engineer","preferredLanguage":"en-US",
           "name":{"formatted":"Barbara Jensen","givenName":"Barbara","familyName":"Jensen"},
           "emails":[{"value":"bjensen@example.com","type":"work","primary":true},
                     {"value":"babs@home.example","type":"home"}],
           "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}],
           "addresses":[{"type":"work","streetAddress":"1 Main St","locality":"Springfield",
                         "country":"US","primary":true}],
           "roles":[{"value":"Admin","display":"Administrator","primary":true}],
           "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
             {"employeeNumber":"701984","department":"Tour Operations",
              "manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d"}},
           "urn:ietf:params:scim:schemas:extension:softdrive:2.0:User":{"userType":"Employee"}}
          """);

  private static final JsonObject GROUP =
      read(
          """
          {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
           "displayName":"Tour Guides","externalId":"8c6c6b9c-0d8c-4a4e-a1d0-0c8e5c1d2f3a"}
          """);

  static Stream<byte[]> seeds() {
    return FuzzBytes.seeds(16, 512);
  }

  @MethodSource("seeds")
  @FuzzTest
  void patchLeavesAValidResourceOrFailsWithoutChangingIt(byte[] input) {
    FuzzBytes data = new FuzzBytes(input);
    EntraQuirks quirks = data.consumeBoolean() ? EntraQuirks.defaults() : EntraQuirks.none();
    boolean group = data.consumeBoolean();
    ResourceTypeDef type = group ? SchemaRegistry.GROUP_TYPE : SchemaRegistry.USER_TYPE;
    JsonObject resource =
        new ResourceNormalizer(quirks.valueRewrites(), Limits.defaults())
            .normalize(type, group ? GROUP : USER);
    String stored = resource.toString();
    JsonObject body = PatchBodies.body(data, group);

    acceptedOrRefused(() -> PatchRequest.parse(body, quirks, Limits.defaults()), PATCH_ERRORS)
        .flatMap(
            request ->
                acceptedOrRefused(
                    () -> new PatchEngine(quirks, Limits.defaults()).apply(type, resource, request),
                    PATCH_ERRORS))
        .ifPresent(result -> checkValid(type, result));
    if (!resource.toString().equals(stored)) {
      throw new AssertionError("PATCH " + body + " changed the stored resource to " + resource);
    }
  }

  private static void checkValid(ResourceTypeDef type, PatchResult result) {
    JsonObject patched = result.resource();
    NormalizedResource again = SCHEMA_ONLY.normalizeWithMembers(type, patched);
    if (!again.attributes().equals(patched)) {
      throw new AssertionError(
          "PATCH left a non-canonical " + patched + "; as a POST body it is " + again.attributes());
    }
    if (again.memberValues() != null) {
      throw new AssertionError("members entered the JSON: " + patched);
    }
    if (type == SchemaRegistry.USER_TYPE && !result.memberChanges().isEmpty()) {
      throw new AssertionError("a User PATCH produced member changes " + result.memberChanges());
    }
    if (!read(patched.toString()).equals(patched)) {
      throw new AssertionError("JSON text round trip changed " + patched);
    }
  }

  private static JsonObject read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
