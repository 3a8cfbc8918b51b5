package co.softdrive.scim.protocol.patch.entra;

import static co.softdrive.scim.protocol.TestJson.fixture;
import static co.softdrive.scim.protocol.TestJson.json;
import static co.softdrive.scim.protocol.TestJson.withOps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.protocol.TestJson.OpCase;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.patch.MemberChange;
import co.softdrive.scim.protocol.patch.PatchEngine;
import co.softdrive.scim.protocol.patch.PatchRequest;
import co.softdrive.scim.protocol.patch.PatchResult;
import co.softdrive.scim.protocol.schema.ResourceTypeDef;
import co.softdrive.scim.protocol.schema.SchemaRegistry;
import co.softdrive.scim.protocol.schema.Schemas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per Entra quirk (docs/entra.md#quirks), each fed by the payload Entra sends, stored in
 * {@code src/test/resources/entra/} and named by its request shape ({@code R5c-...}, see
 * docs/entra.md#request-shapes) or quirk ({@code Q8-...}); run with capitalised and with lowercase
 * ops.
 */
class EntraQuirksTest {
  private static final ResourceTypeDef USER = SchemaRegistry.USER_TYPE;
  private static final ResourceTypeDef GROUP = SchemaRegistry.GROUP_TYPE;
  private static final String ENTERPRISE = Schemas.ENTERPRISE_USER;

  private static final JsonObject BJENSEN =
      json(
          "{'schemas':['"
              + Schemas.CORE_USER
              + "'],'id':'u1','userName':'bjensen@example.com',"
              + "'active':true,'title':'Engineer','name':{'givenName':'Barbara','familyName':'Jensen'},"
              + "'emails':[{'value':'bj@example.com','type':'work','primary':true}],"
              + "'meta':{'resourceType':'User'}}");
  private static final JsonObject NO_EMAILS =
      json("{'schemas':['" + Schemas.CORE_USER + "'],'id':'u2','userName':'plain@example.com'}");
  private static final JsonObject SALES =
      json(
          "{'schemas':['"
              + Schemas.CORE_GROUP
              + "'],'id':'g1','displayName':'Sales','externalId':'e1'}");

  static Stream<OpCase> opCases() {
    return Stream.of(OpCase.values());
  }

  private static PatchResult patch(
      ResourceTypeDef type, JsonObject resource, String fixture, OpCase opCase) {
    return patch(type, resource, fixture, opCase, EntraQuirks.defaults());
  }

  private static PatchResult patch(
      ResourceTypeDef type,
      JsonObject resource,
      String fixture,
      OpCase opCase,
      EntraQuirks quirks) {
    PatchRequest request =
        PatchRequest.parse(withOps(fixture(fixture), opCase), quirks, Limits.defaults());
    return new PatchEngine(quirks, Limits.defaults()).apply(type, resource, request);
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void replaceOfFilteredWorkEmailAndFamilyNameUpdatesBothAndKeepsOneWorkEmail(OpCase opCase) {
    JsonObject user =
        patch(USER, BJENSEN, "R5a-filtered-email-and-family-name.json", opCase).resource();

    assertEquals(
        json("[{'value':'updatedEmail@microsoft.com','type':'work','primary':true}]"
                .replace("[", "{'e':[")
                .replace("]", "]}"))
            .get("e"),
        user.get("emails"));
    assertEquals("updatedFamilyName", user.getJsonObject("name").getString("familyName"));
    assertEquals("Barbara", user.getJsonObject("name").getString("givenName"));
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void replaceOfUserNameAndTheObservedMultiOpBodyApplyEveryOperation(OpCase opCase) {
    assertEquals(
        "5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com",
        patch(USER, BJENSEN, "R5b-user-name.json", opCase).resource().getString("userName"));

    JsonObject user = patch(USER, BJENSEN, "R5b-multi-op.json", opCase).resource();
    assertEquals("Test 01", user.getString("displayName"));
    assertEquals("test01@example.com", user.getString("userName"));
    assertEquals("Tesst 01", user.getJsonObject("name").getString("familyName"));
    assertEquals("Test 01", user.getJsonObject("name").getString("formatted"));
    assertEquals(1, user.getJsonArray("emails").size());
    assertEquals(
        "test01@example.com", user.getJsonArray("emails").getJsonObject(0).getString("value"));
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void addOnASingleValuedAttributeReplacesItsValue(OpCase opCase) {
    JsonObject start = patch(USER, BJENSEN, "R5b-add-single-valued.json", opCase).resource();
    JsonObject again =
        new PatchEngine(EntraQuirks.defaults(), Limits.defaults())
            .apply(
                USER,
                start,
                PatchRequest.parse(
                    json("{'Operations':[{'op':'Add','path':'nickName','value':'Barb'}]}")))
            .resource();

    assertEquals("Babs", start.getString("nickName"));
    assertEquals("Retail", start.getJsonObject(ENTERPRISE).getString("department"));
    assertEquals("Barb", again.getString("nickName"));
  }

  static Stream<Arguments> disableForms() {
    return Stream.of(
            "R5c-disable-string.json",
            "R5c-disable-boolean.json",
            "R5c-disable-lowercase-string.json",
            "R5c-disable-no-path.json")
        .flatMap(f -> opCases().map(c -> Arguments.of(f, c)));
  }

  @ParameterizedTest
  @MethodSource("disableForms")
  void everyDisableFormSetsActiveToTheBooleanFalse(String fixture, OpCase opCase) {
    PatchResult result = patch(USER, BJENSEN, fixture, opCase);

    assertEquals(JsonValue.FALSE, result.resource().get("active"));
    assertTrue(result.modified());
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void enableWithStringTrueSetsActiveToTheBooleanTrue(OpCase opCase) {
    JsonObject disabled = patch(USER, BJENSEN, "R5c-disable-string.json", opCase).resource();

    assertEquals(
        JsonValue.TRUE,
        patch(USER, disabled, "R5c-enable-string.json", opCase).resource().get("active"));
  }

  @Test
  void stringFalseIsInvalidValueWhenTheStringBooleanQuirkIsOff() {
    EntraQuirks strict = withFlag(StringBooleans.FLAG, false);

    ScimBadRequest e =
        assertThrows(
            ScimBadRequest.class,
            () -> patch(USER, BJENSEN, "R5c-disable-string.json", OpCase.LOWERCASE, strict));
    assertEquals(Optional.of("invalidValue"), e.scimType());
  }

  @Test
  void capitalisedOpIsInvalidSyntaxWhenTheCapitalisedOpsQuirkIsOff() {
    EntraQuirks strict = withFlag(CapitalisedOps.FLAG, false);

    ScimBadRequest e =
        assertThrows(
            ScimBadRequest.class,
            () -> patch(USER, BJENSEN, "R5c-disable-string.json", OpCase.CAPITALISED, strict));
    assertEquals(Optional.of("invalidSyntax"), e.scimType());
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void pathlessFlagFormWithDottedAndUrnKeysUpdatesTheRightAttributes(OpCase opCase) {
    JsonObject user = patch(USER, BJENSEN, "R5d-flag-form.json", opCase).resource();

    assertEquals("Bjfe", user.getString("displayName"));
    assertEquals("Kkom", user.getJsonObject("name").getString("givenName"));
    assertEquals("Unua", user.getJsonObject("name").getString("familyName"));
    assertEquals("Aklq", user.getJsonObject(ENTERPRISE).getString("employeeNumber"));
    assertEquals(
        "TestMhvaes@test.microsoft.com",
        user.getJsonArray("emails").getJsonObject(0).getString("value"));
    assertFalse(user.containsKey("name.givenName"));
    assertFalse(user.containsKey(ENTERPRISE + ":employeeNumber"));
    assertTrue(user.getJsonArray("schemas").contains(jakarta.json.Json.createValue(ENTERPRISE)));
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void pathlessAddWithDottedKeysSetsSubAttributes(OpCase opCase) {
    JsonObject user = patch(USER, BJENSEN, "R5d-add-dotted.json", opCase).resource();

    assertEquals(
        json("{'givenName':'Foo','familyName':'Bar','formatted':'Foo Bar'}"),
        user.getJsonObject("name"));
    assertEquals("Bar Foo", user.getString("title"));
  }

  @Test
  void dottedAndUrnKeysAreInvalidPathWhenTheirQuirksAreOff() {
    assertThrows(
        ScimBadRequest.class,
        () ->
            patch(
                USER,
                BJENSEN,
                "R5d-add-dotted.json",
                OpCase.LOWERCASE,
                withFlag(DottedPathKeys.FLAG, false)));
    assertThrows(
        ScimBadRequest.class,
        () ->
            patch(
                USER,
                BJENSEN,
                "R5d-flag-form.json",
                OpCase.LOWERCASE,
                new EntraQuirks(true, true, true, true, true, false, true, true, true, true)));
  }

  static Stream<Arguments> managerForms() {
    String legacy = "00aa00aa-bb11-cc22-dd33-44ee44ee44ee";
    return Stream.of(
            Arguments.of("R5e-manager-string.json", "{'value':'271'}"),
            Arguments.of("R5e-manager-object.json", "{'value':'271'}"),
            Arguments.of(
                "R5e-manager-array.json",
                "{'$ref':'http://example.com/scim/Users/" + legacy + "','value':'" + legacy + "'}"))
        .flatMap(a -> opCases().map(c -> Arguments.of(a.get()[0], a.get()[1], c)));
  }

  @ParameterizedTest
  @MethodSource("managerForms")
  void managerSentAsStringObjectOrArrayIsStoredAsAnObjectWithTheIdAndTheClientsRef(
      String fixture, String expected, OpCase opCase) {
    JsonObject user = patch(USER, BJENSEN, fixture, opCase).resource();

    assertEquals(json(expected), user.getJsonObject(ENTERPRISE).getJsonObject("manager"));
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void managerIsSetThenChangedThenClearedByAnEmptyString(OpCase opCase) {
    JsonObject set = patch(USER, BJENSEN, "R5e-manager-string.json", opCase).resource();
    JsonObject changed = patch(USER, set, "R5e-manager-replace.json", opCase).resource();
    JsonObject cleared = patch(USER, changed, "R5e-manager-clear.json", opCase).resource();

    assertEquals(
        "other-manager",
        changed.getJsonObject(ENTERPRISE).getJsonObject("manager").getString("value"));
    assertNull(cleared.get(ENTERPRISE));
    assertEquals(
        List.of(jakarta.json.Json.createValue(Schemas.CORE_USER)), cleared.getJsonArray("schemas"));
  }

  @Test
  void managerAsPlainStringIsInvalidValueWhenTheManagerQuirkIsOff() {
    assertThrows(
        ScimBadRequest.class,
        () ->
            patch(
                USER,
                BJENSEN,
                "R5e-manager-string.json",
                OpCase.LOWERCASE,
                withFlag(ManagerShorthand.FLAG, false)));
  }

  static Stream<Arguments> clearForms() {
    return Stream.of(
            "R5f-replace-empty.json",
            "R5f-replace-null.json",
            "R5f-remove.json",
            "R5f-remove-with-value.json")
        .flatMap(f -> opCases().map(c -> Arguments.of(f, c)));
  }

  @ParameterizedTest
  @MethodSource("clearForms")
  void replaceWithEmptyOrNullAndRemoveWithOrWithoutValueClearTheAttribute(
      String fixture, OpCase opCase) {
    PatchResult result = patch(USER, BJENSEN, fixture, opCase);

    assertNull(result.resource().get("title"));
    assertTrue(result.modified());
  }

  @Test
  void emptyStringIsStoredWhenTheClearingQuirkIsOff() {
    JsonObject user =
        patch(
                USER,
                BJENSEN,
                "R5f-replace-empty.json",
                OpCase.LOWERCASE,
                withFlag(ClearingValues.FLAG, false))
            .resource();

    assertEquals("", user.getString("title"));
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void rolesSentAsJsonStringsBecomeValueAndDisplay(OpCase opCase) {
    JsonObject user = patch(USER, BJENSEN, "R5g-roles-as-json-strings.json", opCase).resource();

    assertEquals(
        json("{'r':[{'value':'Admin','display':'Admin'},{'value':'User','display':'User'}]}")
            .get("r"),
        user.get("roles"));
  }

  @Test
  void rolesJsonStringsAreStoredVerbatimWhenTheRolesQuirkIsOff() {
    JsonObject user =
        patch(
                USER,
                BJENSEN,
                "R5g-roles-as-json-strings.json",
                OpCase.LOWERCASE,
                withFlag(RolesAsJsonStrings.FLAG, false))
            .resource();

    assertTrue(user.getJsonArray("roles").getJsonObject(0).getString("value").startsWith("{"));
  }

  @Test
  void aRoleStringThatJsonPCannotReadIsStoredAsItIs() {
    // JSON-P throws UnsupportedOperationException for a number over 1,100 characters and
    // NumberFormatException for an exponent out of range: neither may become a 500.
    for (String inner :
        List.of("{\"value\":" + "1".repeat(1101) + "}", "{\"value\":1e9999999999}")) {
      JsonObject operation =
          Json.createObjectBuilder()
              .add("op", "add")
              .add("path", "roles")
              .add(
                  "value",
                  Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", inner)))
              .build();
      JsonObject body =
          Json.createObjectBuilder()
              .add(
                  "schemas",
                  Json.createArrayBuilder().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
              .add("Operations", Json.createArrayBuilder().add(operation))
              .build();
      PatchRequest request = PatchRequest.parse(body, EntraQuirks.defaults(), Limits.defaults());
      JsonObject user =
          new PatchEngine(EntraQuirks.defaults(), Limits.defaults())
              .apply(USER, BJENSEN, request)
              .resource();

      assertEquals(inner, user.getJsonArray("roles").getJsonObject(0).getString("value"));
    }
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void renamingAGroupChangesDisplayNameAndNeverTouchesMembers(OpCase opCase) {
    PatchResult result = patch(GROUP, SALES, "R10-rename-group.json", opCase);

    assertEquals(
        "1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName",
        result.resource().getString("displayName"));
    assertEquals(List.of(), result.memberChanges());
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void pathlessReplaceOfDisplayNameNeverProducesAMemberChange(OpCase opCase) {
    PatchResult result = patch(GROUP, SALES, "Q11-replace-without-members.json", opCase);

    assertEquals("New", result.resource().getString("displayName"));
    assertEquals(List.of(), result.memberChanges());
    assertFalse(result.resource().containsKey("members"));
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void addMembersWithNullRefIsAnAdditiveChangeOfExactlyThoseIds(OpCase opCase) {
    assertEquals(
        List.of(MemberChange.add(List.of("f648f8d5ea4e4cd38e9c"))),
        patch(GROUP, SALES, "R11-add-members.json", opCase).memberChanges());
    assertEquals(
        List.of(MemberChange.add(List.of("u1", "u2")), MemberChange.add(List.of("u3"))),
        patch(GROUP, SALES, "R11-add-several-members.json", opCase).memberChanges());
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void removeMembersByValueArrayRemovesOnlyTheListedMember(OpCase opCase) {
    PatchResult result = patch(GROUP, SALES, "R12-remove-members-value-array.json", opCase);

    assertEquals(List.of(MemberChange.remove(List.of("2392066"))), result.memberChanges());
    assertEquals(SALES.getString("displayName"), result.resource().getString("displayName"));
  }

  @Test
  void removeMembersByValueArrayIsInvalidSyntaxNotRemoveAllWhenItsQuirkIsOff() {
    assertThrows(
        ScimBadRequest.class,
        () ->
            patch(
                GROUP,
                SALES,
                "R12-remove-members-value-array.json",
                OpCase.LOWERCASE,
                withFlag(RemoveMembersByValueArray.FLAG, false)));
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void removeMembersByValueFilterRemovesOnlyThatMember(OpCase opCase) {
    assertEquals(
        List.of(MemberChange.remove(List.of("7f4bc1a3-285e-48ae-8202-5accb43efb0e"))),
        patch(GROUP, SALES, "R12-remove-members-filter.json", opCase).memberChanges());
  }

  @Test
  void removeMembersByValueFilterIsInvalidPathWhenItsQuirkIsOff() {
    ScimBadRequest e =
        assertThrows(
            ScimBadRequest.class,
            () ->
                patch(
                    GROUP,
                    SALES,
                    "R12-remove-members-filter.json",
                    OpCase.LOWERCASE,
                    withFlag(FilteredMemberRemove.FLAG, false)));
    assertEquals(Optional.of("invalidPath"), e.scimType());
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void filteredPathOnAMissingWorkEmailCreatesIt(OpCase opCase) {
    JsonObject user = patch(USER, NO_EMAILS, "Q8-upsert-work-email.json", opCase).resource();

    assertEquals(json("{'e':[{'type':'work','value':'x@y.com'}]}").get("e"), user.get("emails"));
  }

  @Test
  void filteredPathOnAMissingElementIsNoTargetWhenTheUpsertQuirkIsOff() {
    ScimBadRequest e =
        assertThrows(
            ScimBadRequest.class,
            () ->
                patch(
                    USER,
                    NO_EMAILS,
                    "Q8-upsert-work-email.json",
                    OpCase.LOWERCASE,
                    withFlag(UpsertFilteredElement.FLAG, false)));
    assertEquals(Optional.of("noTarget"), e.scimType());
  }

  @ParameterizedTest
  @MethodSource("opCases")
  void severalSubAttributeOpsOnOneFilteredElementBuildOneAddress(OpCase opCase) {
    JsonObject user = patch(USER, NO_EMAILS, "Q8-one-work-address.json", opCase).resource();

    assertEquals(
        json(
            "{'type':'work','streetAddress':'1 Main St','locality':'Springfield','postalCode':'12345',"
                + "'region':'IL','country':'US','formatted':'1 Main St, Springfield IL 12345, US'}"),
        user.getJsonArray("addresses").getJsonObject(0));
    assertEquals(1, user.getJsonArray("addresses").size());
  }

  @Test
  void everyFlagDefaultsToTrueAndCanBeSwitchedOffByItsKey() {
    assertEquals(EntraQuirks.defaults(), EntraQuirks.fromConfig(k -> Optional.empty()));
    assertEquals(EntraQuirks.none(), EntraQuirks.fromConfig(k -> Optional.of("false")));
    for (String key : EntraQuirks.KEYS) {
      assertTrue(key.matches("scim\\.entra\\.[a-z-]+\\.enabled"), key);
      assertFalse(withFlag(key, false).equals(EntraQuirks.defaults()), key);
    }
  }

  private static EntraQuirks withFlag(String key, boolean value) {
    Map<String, String> config = Map.of(key, Boolean.toString(value));
    return EntraQuirks.fromConfig(k -> Optional.ofNullable(config.get(k)));
  }
}
