package co.softdrive.scim.protocol.patch;

import static co.softdrive.scim.protocol.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.limits.TestLimits;
import co.softdrive.scim.protocol.patch.PatchOperation.Op;
import co.softdrive.scim.protocol.patch.entra.EntraQuirks;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatchRequestTest {

  static Stream<Arguments> validBodies() {
    return Stream.of(
        Arguments.of(
            "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'Add','path':'title','value':'x'}]}",
            Op.ADD),
        Arguments.of("{'operations':[{'op':'replace','path':'title','value':'x'}]}", Op.REPLACE),
        Arguments.of("{'OPERATIONS':[{'OP':'REMOVE','Path':'title'}]}", Op.REMOVE),
        Arguments.of("{'Operations':[{'op':'rEpLaCe','value':{'title':'x'}}]}", Op.REPLACE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validBodies")
  void operationsKeyOpNameAndMemberNamesAreCaseInsensitiveAndSchemasOptional(String body, Op op) {
    assertEquals(op, PatchRequest.parse(json(body)).operations().get(0).op());
  }

  @Test
  void anAbsentValueIsNullAndAnExplicitNullIsJsonNull() {
    PatchRequest r =
        PatchRequest.parse(
            json(
                "{'Operations':[{'op':'remove','path':'title'},{'op':'replace','path':'title','value':null}]}"));

    assertNull(r.operations().get(0).value());
    assertEquals(jakarta.json.JsonValue.NULL, r.operations().get(1).value());
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        Arguments.of(
            "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']}", "invalidSyntax"),
        Arguments.of("{'Operations':{'op':'add'}}", "invalidSyntax"),
        Arguments.of("{'Operations':['add']}", "invalidSyntax"),
        Arguments.of("{'Operations':[{'path':'title','value':'x'}]}", "invalidSyntax"),
        Arguments.of("{'Operations':[{'op':'move','path':'title','value':'x'}]}", "invalidSyntax"),
        Arguments.of("{'Operations':[{'op':'add','path':'title'}]}", "invalidSyntax"),
        Arguments.of("{'Operations':[{'op':'add','value':'x'}]}", "invalidSyntax"),
        Arguments.of("{'Operations':[{'op':'remove'}]}", "noTarget"),
        Arguments.of("{'Operations':[{'op':'add','path':7,'value':'x'}]}", "invalidPath"),
        Arguments.of(
            "{'Operations':[{'op':'add','path':'emails[type eq','value':'x'}]}", "invalidPath"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("invalidBodies")
  void malformedBodiesFailWithTheRightScimType(String body, String scimType) {
    ScimBadRequest e = assertThrows(ScimBadRequest.class, () -> PatchRequest.parse(json(body)));
    assertEquals(Optional.of(scimType), e.scimType());
  }

  @Test
  void moreThanMaxOperationsIsInvalidValueButMaxIsAccepted() {
    assertEquals(
        Limits.defaults().patchOperations(),
        PatchRequest.parse(ops(Limits.defaults().patchOperations())).operations().size());
    ScimBadRequest e =
        assertThrows(
            ScimBadRequest.class,
            () -> PatchRequest.parse(ops(Limits.defaults().patchOperations() + 1)));
    assertEquals(Optional.of("invalidValue"), e.scimType());
  }

  @Test
  void moreThanMaxValuesInOneOperationIsInvalidValueButMaxIsAccepted() {
    PatchRequest.parse(members(Limits.defaults().valuesPerOperation()));
    ScimBadRequest e =
        assertThrows(
            ScimBadRequest.class,
            () -> PatchRequest.parse(members(Limits.defaults().valuesPerOperation() + 1)));
    assertEquals(Optional.of("invalidValue"), e.scimType());
  }

  private static jakarta.json.JsonObject ops(int n) {
    JsonArrayBuilder ops = Json.createArrayBuilder();
    for (int i = 0; i < n; i++) {
      ops.add(
          Json.createObjectBuilder()
              .add("op", "replace")
              .add("path", "title")
              .add("value", "t" + i));
    }
    return Json.createObjectBuilder().add("Operations", ops).build();
  }

  private static jakarta.json.JsonObject members(int n) {
    JsonArrayBuilder values = Json.createArrayBuilder();
    for (int i = 0; i < n; i++) {
      values.add(Json.createObjectBuilder().add("value", "u" + i));
    }
    return Json.createObjectBuilder()
        .add(
            "Operations",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("op", "add")
                        .add("path", "members")
                        .add("value", values)))
        .build();
  }

  @Test
  void configuredLimitsReplaceTheDefaults() {
    Limits small = TestLimits.with("patch-operations", 2, "values-per-operation", 3);
    PatchRequest.parse(ops(2), EntraQuirks.defaults(), small);
    PatchRequest.parse(members(3), EntraQuirks.defaults(), small);
    ScimBadRequest ops =
        assertThrows(
            ScimBadRequest.class, () -> PatchRequest.parse(ops(3), EntraQuirks.defaults(), small));
    assertTrue(ops.detail().contains("at most 2 operations, not 3"), ops::detail);
    ScimBadRequest values =
        assertThrows(
            ScimBadRequest.class,
            () -> PatchRequest.parse(members(4), EntraQuirks.defaults(), small));
    assertTrue(values.detail().contains("at most 3 values per operation, not 4"), values::detail);
    assertEquals(Optional.of("invalidValue"), values.scimType());
  }
}
