package co.softdrive.scim.protocol.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.limits.TestLimits;
import co.softdrive.scim.protocol.path.AttrPath;
import jakarta.json.Json;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathParserTest {
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String SOFTDRIVE = "urn:ietf:params:scim:schemas:extension:softdrive:2.0:User";

  static PatchPath path(AttrPath attr) {
    return PatchPath.of(attr);
  }

  static PatchPath path(AttrPath attr, Filter filter, String sub) {
    return new PatchPath(attr, filter, sub);
  }

  static Filter eq(String attr, String value) {
    return new Filter.Compare(AttrPath.of(attr), CompareOp.EQ, Json.createValue(value));
  }

  static Stream<Arguments> validPaths() {
    return Stream.of(
        arguments("userName", path(AttrPath.of("userName"))),
        arguments("name.familyName", path(AttrPath.of("name", "familyName"))),
        arguments("members.$ref", path(AttrPath.of("members", "$ref"))),
        arguments(
            "emails[type eq \"work\"]", path(AttrPath.of("emails"), eq("type", "work"), null)),
        arguments(
            "emails[type eq \"work\"].value",
            path(AttrPath.of("emails"), eq("type", "work"), "value")),
        arguments(
            "addresses[type eq \"work\"].Formatted",
            path(AttrPath.of("addresses"), eq("type", "work"), "Formatted")),
        arguments(
            "members[value eq \"7f4bc1a3-2c2e-4c1f-9c07-1b0a5b1d0f3e\"]",
            path(
                AttrPath.of("members"), eq("value", "7f4bc1a3-2c2e-4c1f-9c07-1b0a5b1d0f3e"), null)),
        arguments(
            "roles[primary eq \"True\"].value",
            path(AttrPath.of("roles"), eq("primary", "True"), "value")),
        arguments(
            "emails[type eq \"work\" and primary eq true]",
            path(
                AttrPath.of("emails"),
                new Filter.And(
                    eq("type", "work"),
                    new Filter.Compare(
                        AttrPath.of("primary"), CompareOp.EQ, jakarta.json.JsonValue.TRUE)),
                null)),
        arguments(ENTERPRISE + ":manager", path(new AttrPath(ENTERPRISE, "manager", null))),
        arguments(
            ENTERPRISE + ":manager.value", path(new AttrPath(ENTERPRISE, "manager", "value"))),
        arguments(SOFTDRIVE + ":userType", path(new AttrPath(SOFTDRIVE, "userType", null))),
        arguments(
            "urn:ietf:params:scim:schemas:core:2.0:User:emails[type eq \"work\"].value",
            path(
                new AttrPath("urn:ietf:params:scim:schemas:core:2.0:User", "emails", null),
                eq("type", "work"),
                "value")),
        arguments(ENTERPRISE, path(new AttrPath(ENTERPRISE, "", null))),
        arguments(SOFTDRIVE, path(new AttrPath(SOFTDRIVE, "", null))));
  }

  @ParameterizedTest
  @MethodSource("validPaths")
  void validPathParsesToTheExpectedPatchPath(String text, PatchPath expected) {
    assertEquals(expected, PathParser.parse(text));
  }

  static Stream<Arguments> invalidPaths() {
    return Stream.of(
        arguments("", 0, "expected a path"),
        arguments(".name", 0, "expected an attribute name"),
        arguments("name.", 5, "expected a sub-attribute name"),
        arguments("name.familyName.x", 15, "expected at most one sub-attribute"),
        arguments("user name", 5, "expected the end of the path"),
        arguments("userName eq \"x\"", 9, "expected the end of the path"),
        arguments("emails[", 7, "expected an attribute name"),
        arguments("emails[]", 7, "expected an attribute name"),
        arguments("emails[type eq \"work\"", 21, "expected 'and', 'or' or ']'"),
        arguments("emails[type eq \"work\"].", 23, "expected a sub-attribute name"),
        arguments("emails[type eq \"work\"].value.x", 28, "expected at most one sub-attribute"),
        arguments("emails[type eq \"work\"]x", 22, "expected the end of the path"),
        arguments("emails[type eq \"work\"][type eq \"home\"]", 22, "expected the end of the path"),
        arguments("emails[type eq \"work\"].value eq \"x\"", 29, "expected the end of the path"),
        arguments(
            "name.familyName[type eq \"x\"]", 15, "expected a value filter after an attribute"),
        arguments("emails[type eq \"work\" and ims[type eq \"x\"]]", 26, "expected no value path"),
        arguments("emails[type xx \"work\"]", 12, "expected an operator"),
        arguments(
            ENTERPRISE + "[value eq \"x\"]", ENTERPRISE.length(), "expected the end of the path"),
        arguments("urn:x:", 6, "expected an attribute name"));
  }

  @ParameterizedTest
  @MethodSource("invalidPaths")
  void invalidPathIsRejectedWithThePositionOfTheProblem(
      String text, int position, String expected) {
    ScimBadRequest e = assertThrows(ScimBadRequest.class, () -> PathParser.parse(text));
    assertEquals("invalidPath", e.scimType().orElseThrow());
    assertTrue(e.detail().startsWith(expected), () -> e.detail());
    assertTrue(e.detail().endsWith(" at position " + position), () -> e.detail());
  }

  @Test
  void pathAtTheLengthLimitIsAcceptedAndOneLongerIsRejected() {
    String atLimit = "a".repeat(Limits.defaults().pathLength());
    assertEquals(path(AttrPath.of(atLimit)), PathParser.parse(atLimit));
    ScimBadRequest e = assertThrows(ScimBadRequest.class, () -> PathParser.parse(atLimit + "a"));
    assertEquals("invalidPath", e.scimType().orElseThrow());
    assertTrue(e.detail().contains("limit is " + Limits.defaults().pathLength()), e::detail);
    assertEquals(1024, Limits.defaults().pathLength());
  }

  @Test
  void nullPathIsRejected() {
    ScimBadRequest e = assertThrows(ScimBadRequest.class, () -> PathParser.parse(null));
    assertEquals("invalidPath", e.scimType().orElseThrow());
  }

  @Test
  void bareExtensionUrnIsAWholeExtensionAndAQualifiedAttributeIsNot() {
    assertTrue(PathParser.isWholeExtension(PathParser.parse(ENTERPRISE)));
    assertFalse(PathParser.isWholeExtension(PathParser.parse(ENTERPRISE + ":manager")));
    assertFalse(PathParser.isWholeExtension(PathParser.parse("manager")));
  }

  @Test
  void configuredLimitsApplyToPathsAndTheirValueFilters() {
    Limits small = TestLimits.with("path-length", 10, "filter-operands", 1);
    PathParser.parse("name.given", small);
    ScimBadRequest tooLong =
        assertThrows(ScimBadRequest.class, () -> PathParser.parse("name.givenN", small));
    assertTrue(tooLong.detail().contains("limit is 10"), tooLong::detail);
    ScimBadRequest operands =
        assertThrows(
            ScimBadRequest.class,
            () ->
                PathParser.parse(
                    "emails[type eq \"w\" or primary pr]", TestLimits.with("filter-operands", 1)));
    assertEquals("invalidPath", operands.scimType().orElseThrow());
  }
}
