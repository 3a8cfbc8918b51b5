package co.softdrive.scim.protocol.patch;

import static co.softdrive.scim.protocol.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.limits.TestLimits;
import co.softdrive.scim.protocol.patch.entra.EntraQuirks;
import co.softdrive.scim.protocol.schema.SchemaRegistry;
import co.softdrive.scim.protocol.schema.Schemas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 7644 §3.5.2 on every path form, errors, atomicity and group members. */
class PatchEngineTest {
  private static final String CORE = Schemas.CORE_USER;
  private static final String ENT = Schemas.ENTERPRISE_USER;
  private static final String SD = Schemas.SOFTDRIVE_USER;
  private static final PatchEngine ENGINE =
      new PatchEngine(EntraQuirks.defaults(), Limits.defaults());

  /** userName, title, name, one work and one home email. */
  private static final String USER =
      "'userName':'bjensen','title':'Engineer','name':{'givenName':'Barbara','familyName':'Jensen'},"
          + "'emails':[{'value':'bj@work.com','type':'work','primary':true},{'value':'bj@home.com','type':'home'}]";

  private static JsonObject user(String extra) {
    return json("{'schemas':['" + CORE + "']," + USER + extra + "}");
  }

  private static JsonObject userWithExt(String extra, String extension) {
    return json(
        "{'schemas':['"
            + CORE
            + "','"
            + ENT
            + "'],"
            + USER
            + extra
            + ",'"
            + ENT
            + "':"
            + extension
            + "}");
  }

  private static JsonObject apply(JsonObject resource, String ops) {
    return ENGINE
        .apply(
            SchemaRegistry.USER_TYPE,
            resource,
            PatchRequest.parse(json("{'Operations':" + ops + "}")))
        .resource();
  }

  static Stream<Arguments> pathForms() {
    return Stream.of(
        Arguments.of(
            "replace of a simple attribute",
            "[{'op':'replace','path':'title','value':'Boss'}]",
            user("").toString().replace("Engineer", "Boss")),
        Arguments.of(
            "path names are case-insensitive",
            "[{'op':'replace','path':'TITLE','value':'Boss'}]",
            user("").toString().replace("Engineer", "Boss")),
        Arguments.of(
            "add of a simple attribute that was absent",
            "[{'op':'add','path':'nickName','value':'Babs'}]",
            user(",'nickName':'Babs'").toString()),
        Arguments.of(
            "replace of a sub-attribute keeps the other sub-attributes",
            "[{'op':'replace','path':'name.familyName','value':'Smith'}]",
            user("").toString().replace("Jensen", "Smith")),
        Arguments.of(
            "remove of a sub-attribute",
            "[{'op':'remove','path':'name.givenName'}]",
            user("").toString().replace("\"givenName\":\"Barbara\",", "")),
        Arguments.of(
            "add of a complex attribute merges sub-attributes",
            "[{'op':'add','path':'name','value':{'middleName':'Ann'}}]",
            user("")
                .toString()
                .replace(
                    "\"familyName\":\"Jensen\"",
                    "\"familyName\":\"Jensen\",\"middleName\":\"Ann\"")),
        Arguments.of(
            "value filter with sub-attribute replaces only the matching element",
            "[{'op':'replace','path':'emails[type eq \\\"home\\\"].value','value':'new@home.com'}]",
            user("").toString().replace("bj@home.com", "new@home.com")),
        Arguments.of(
            "value filter compares case-insensitively",
            "[{'op':'replace','path':'Emails[Type eq \\\"HOME\\\"].Value','value':'new@home.com'}]",
            user("").toString().replace("bj@home.com", "new@home.com")),
        Arguments.of(
            "value filter without sub-attribute removes the matching element",
            "[{'op':'remove','path':'emails[type eq \\\"home\\\"]'}]",
            user("").toString().replace(",{\"value\":\"bj@home.com\",\"type\":\"home\"}", "")),
        Arguments.of(
            "remove with a filter that matches nothing is a no-op",
            "[{'op':'remove','path':'emails[type eq \\\"other\\\"]'}]",
            user("").toString()),
        Arguments.of(
            "add to a multi-valued attribute appends",
            "[{'op':'add','path':'emails','value':[{'value':'x@other.com','type':'other'}]}]",
            user("")
                .toString()
                .replace(
                    "\"type\":\"home\"}",
                    "\"type\":\"home\"},{\"value\":\"x@other.com\",\"type\":\"other\"}")),
        Arguments.of(
            "add of an element that already exists adds nothing",
            "[{'op':'add','path':'emails','value':[{'value':'bj@home.com','type':'home'}]}]",
            user("").toString()),
        Arguments.of(
            "add of a new primary element turns the old primary off",
            "[{'op':'add','path':'emails','value':[{'value':'p@x.com','type':'other','primary':'True'}]}]",
            user("")
                .toString()
                .replace("\"primary\":true", "\"primary\":false")
                .replace(
                    "\"type\":\"home\"}",
                    "\"type\":\"home\"},{\"value\":\"p@x.com\",\"type\":\"other\",\"primary\":true}")),
        Arguments.of(
            "replace of a multi-valued attribute replaces the list",
            "[{'op':'replace','path':'emails','value':[{'value':'only@x.com','type':'work'}]}]",
            user("")
                .toString()
                .replaceAll(
                    "\"emails\":\\[.*\\]",
                    "\"emails\":[{\"value\":\"only@x.com\",\"type\":\"work\"}]")),
        Arguments.of(
            "remove of a multi-valued attribute removes all values",
            "[{'op':'remove','path':'emails'}]",
            user("").toString().replaceAll(",\"emails\":\\[.*\\]", "")),
        Arguments.of(
            "URN-qualified extension attribute",
            "[{'op':'add','path':'" + ENT + ":department','value':'Retail'}]",
            userWithExt("", "{'department':'Retail'}").toString()),
        Arguments.of(
            "URN-qualified core attribute",
            "[{'op':'replace','path':'" + CORE + ":title','value':'Boss'}]",
            user("").toString().replace("Engineer", "Boss")),
        Arguments.of(
            "whole extension URN with an object value",
            "[{'op':'add','path':'" + ENT + "','value':{'employeeNumber':'7','costCenter':'C1'}}]",
            userWithExt("", "{'employeeNumber':'7','costCenter':'C1'}").toString()),
        Arguments.of(
            "Softdrive userType through its URN path",
            "[{'op':'replace','path':'" + SD + ":userType','value':'Guest'}]",
            json("{'schemas':['"
                    + CORE
                    + "','"
                    + SD
                    + "'],"
                    + USER
                    + ",'"
                    + SD
                    + "':{'userType':'Guest'}}")
                .toString()),
        Arguments.of(
            "no path with a value object, nested extension object included",
            "[{'op':'replace','value':{'title':'Boss','name':{'givenName':'Babs'},'"
                + ENT
                + "':{'division':'D'}}}]",
            userWithExt("", "{'division':'D'}")
                .toString()
                .replace("Engineer", "Boss")
                .replace("Barbara", "Babs")),
        Arguments.of(
            "no path with unknown keys ignores them",
            "[{'op':'replace','value':{'title':'Boss','favouriteColour':'blue'}}]",
            user("").toString().replace("Engineer", "Boss")),
        Arguments.of(
            "path into an unknown extension is ignored",
            "[{'op':'add','path':'urn:ietf:params:scim:schemas:extension:other:2.0:User:thing','value':'x'}]",
            user("").toString()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pathForms")
  void everyPathFormProducesTheExpectedResource(String description, String ops, String expected) {
    assertEquals(
        Json.createReader(new java.io.StringReader(expected)).readObject(), apply(user(""), ops));
  }

  @Test
  void removingTheWholeExtensionDropsItAndItsSchema() {
    JsonObject result =
        apply(userWithExt("", "{'department':'Retail'}"), "[{'op':'remove','path':'" + ENT + "'}]");

    assertEquals(user(""), result);
  }

  static Stream<Arguments> invalidOperations() {
    return Stream.of(
        Arguments.of("[{'op':'replace','path':'favouriteColour','value':'blue'}]", "invalidPath"),
        Arguments.of(
            "[{'op':'replace','path':'" + ENT + ":colour','value':'blue'}]", "invalidPath"),
        Arguments.of("[{'op':'replace','path':'id','value':'x'}]", "mutability"),
        Arguments.of(
            "[{'op':'replace','path':'meta.lastModified','value':'2020-01-01T00:00:00Z'}]",
            "mutability"),
        Arguments.of("[{'op':'add','path':'groups','value':[{'value':'g1'}]}]", "mutability"),
        Arguments.of("[{'op':'remove','path':'userName'}]", "invalidValue"),
        Arguments.of("[{'op':'replace','path':'userName','value':''}]", "invalidValue"),
        Arguments.of("[{'op':'replace','path':'active','value':'maybe'}]", "invalidValue"),
        Arguments.of("[{'op':'replace','path':'name','value':'Barbara Jensen'}]", "invalidValue"),
        Arguments.of("[{'op':'replace','path':'title','value':{'x':'y'}}]", "invalidValue"),
        Arguments.of(
            "[{'op':'replace','path':'title[value eq \\\"x\\\"]','value':'y'}]", "invalidPath"),
        Arguments.of(
            "[{'op':'replace','path':'emails[type eq \\\"work\\\"].colour','value':'y'}]",
            "invalidPath"),
        Arguments.of(
            "[{'op':'replace','path':'emails[type eq \\\"work\\\"]','value':'y'}]", "invalidValue"),
        Arguments.of(
            "[{'op':'replace','path':'title','value':'" + "x".repeat(2049) + "'}]",
            "invalidValue"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("invalidOperations")
  void invalidOperationsFailWithTheRightScimType(String ops, String scimType) {
    ScimBadRequest e = assertThrows(ScimBadRequest.class, () -> apply(user(""), ops));
    assertEquals(Optional.of(scimType), e.scimType());
  }

  @Test
  void whenTheSecondOperationIsInvalidNothingIsAppliedAndTheInputIsUnchanged() {
    JsonObject input = user("");
    JsonObject copy = json(input.toString().replace('"', '\''));
    PatchRequest request =
        PatchRequest.parse(
            json(
                "{'Operations':[{'op':'replace','path':'title','value':'Boss'},{'op':'replace','path':'id','value':'x'}]}"));

    assertThrows(
        ScimBadRequest.class, () -> ENGINE.apply(SchemaRegistry.USER_TYPE, input, request));
    assertEquals(copy, input);
  }

  @Test
  void whenAMemberOperationIsFollowedByAnInvalidOneNoMemberChangeEscapes() {
    JsonObject group = json("{'schemas':['" + Schemas.CORE_GROUP + "'],'displayName':'Sales'}");
    PatchRequest request =
        PatchRequest.parse(
            json(
                "{'Operations':[{'op':'add','path':'members','value':[{'value':'u1'}]},{'op':'remove','path':'displayName'}]}"));

    assertThrows(
        ScimBadRequest.class, () -> ENGINE.apply(SchemaRegistry.GROUP_TYPE, group, request));
  }

  @Test
  void aPatchThatChangesNothingIsNotModified() {
    PatchResult result =
        ENGINE.apply(
            SchemaRegistry.USER_TYPE,
            user(""),
            PatchRequest.parse(
                json("{'Operations':[{'op':'replace','path':'title','value':'Engineer'}]}")));

    assertFalse(result.modified());
    assertEquals(List.of(), result.memberChanges());
  }

  static Stream<Arguments> memberOperations() {
    return Stream.of(
        Arguments.of(
            "[{'op':'add','path':'members','value':[{'value':'a'},{'value':'b'},{'value':'a'}]}]",
            List.of(MemberChange.add(List.of("a", "b")))),
        Arguments.of(
            "[{'op':'replace','path':'members','value':[{'value':'a'}]}]",
            List.of(MemberChange.replaceAll(List.of("a")))),
        Arguments.of(
            "[{'op':'replace','value':{'members':[{'value':'a'}],'displayName':'X'}}]",
            List.of(MemberChange.replaceAll(List.of("a")))),
        Arguments.of("[{'op':'remove','path':'members'}]", List.of(MemberChange.removeAll())),
        Arguments.of(
            "[{'op':'remove','path':'members[value eq \\\"a\\\" or value eq \\\"b\\\"]'}]",
            List.of(MemberChange.remove(List.of("a", "b")))),
        Arguments.of("[{'op':'remove','path':'members','value':[]}]", List.of()),
        Arguments.of("[{'op':'add','path':'owners','value':[{'value':'o1'}]}]", List.of()),
        Arguments.of("[{'op':'replace','path':'displayName','value':'X'}]", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("memberOperations")
  void memberOperationsBecomeMemberChangesAndOthersNever(String ops, List<MemberChange> expected) {
    JsonObject group = json("{'schemas':['" + Schemas.CORE_GROUP + "'],'displayName':'Sales'}");
    PatchResult result =
        ENGINE.apply(
            SchemaRegistry.GROUP_TYPE,
            group,
            PatchRequest.parse(json("{'Operations':" + ops + "}")));

    assertEquals(expected, result.memberChanges());
    assertFalse(result.resource().containsKey("members"));
  }

  @Test
  void aFilterOnMembersOtherThanValueIsInvalidPath() {
    JsonObject group = json("{'schemas':['" + Schemas.CORE_GROUP + "'],'displayName':'Sales'}");
    ScimBadRequest e =
        assertThrows(
            ScimBadRequest.class,
            () ->
                ENGINE.apply(
                    SchemaRegistry.GROUP_TYPE,
                    group,
                    PatchRequest.parse(
                        json(
                            "{'Operations':[{'op':'remove','path':'members[display eq \\\"x\\\"]'}]}"))));
    assertEquals(Optional.of("invalidPath"), e.scimType());
  }

  @Test
  void aMemberChangeMarksTheResultModified() {
    JsonObject group = json("{'schemas':['" + Schemas.CORE_GROUP + "'],'displayName':'Sales'}");
    assertTrue(
        ENGINE
            .apply(
                SchemaRegistry.GROUP_TYPE,
                group,
                PatchRequest.parse(json("{'Operations':[{'op':'remove','path':'members'}]}")))
            .modified());
  }

  @Test
  void aMultiValuedAttributeMayNotGrowBeyondTheConfiguredLimit() {
    PatchEngine small =
        new PatchEngine(EntraQuirks.defaults(), TestLimits.with("attribute-values", 2));
    PatchRequest third =
        PatchRequest.parse(
            json(
                "{'Operations':[{'op':'add','path':'emails','value':[{'value':'x@y.com','type':'other'}]}]}"));
    ScimBadRequest e =
        assertThrows(
            ScimBadRequest.class, () -> small.apply(SchemaRegistry.USER_TYPE, user(""), third));
    assertEquals(Optional.of("invalidValue"), e.scimType());
    assertTrue(e.detail().contains("'emails' would have more than 2 values"), e::detail);
    assertEquals(
        3,
        ENGINE
            .apply(SchemaRegistry.USER_TYPE, user(""), third)
            .resource()
            .getJsonArray("emails")
            .size());
  }

  @Test
  void displaySubAttributesAndTheManagersRefRoundTripThroughPatch() {
    JsonObject added =
        apply(
            user(""),
            "[{'op':'add','path':'emails','value':[{'value':'c@x.com','display':'CMail','type':'other'}]},"
                + "{'op':'replace','path':'emails[type eq \\\"work\\\"].display','value':'Work mail'},"
                + "{'op':'add','path':'phoneNumbers','value':[{'value':'1','display':'One'}]},"
                + "{'op':'add','path':'"
                + ENT
                + ":manager','value':{'value':'m1','$ref':'https://h/Users/m1'}}]");

    assertEquals(
        json("{'a':[{'value':'bj@work.com','type':'work','primary':true,'display':'Work mail'},"
                + "{'value':'bj@home.com','type':'home'},"
                + "{'value':'c@x.com','display':'CMail','type':'other'}]}")
            .getJsonArray("a"),
        added.getJsonArray("emails"));
    assertEquals(
        json("{'a':[{'value':'1','display':'One'}]}").getJsonArray("a"),
        added.getJsonArray("phoneNumbers"));
    assertEquals(
        json("{'value':'m1','$ref':'https://h/Users/m1'}"),
        added.getJsonObject(ENT).getJsonObject("manager"));

    JsonObject replaced =
        apply(
            added,
            "[{'op':'replace','path':'" + ENT + ":manager.$ref','value':'https://h/Users/m2'}]");
    assertEquals(
        "https://h/Users/m2",
        replaced.getJsonObject(ENT).getJsonObject("manager").getString("$ref"));
  }
}
