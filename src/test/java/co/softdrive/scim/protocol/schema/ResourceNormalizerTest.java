package co.softdrive.scim.protocol.schema;

import static co.softdrive.scim.protocol.TestJson.fixture;
import static co.softdrive.scim.protocol.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.limits.TestLimits;
import co.softdrive.scim.protocol.patch.entra.EntraQuirks;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * POST/PUT bodies in, canonical JSON out: docs/entra.md#r4-create-user, #r9-create-group and
 * #q14-unknown-schemas-and-extensions.
 */
class ResourceNormalizerTest {
  private static final String CORE = Schemas.CORE_USER;
  private static final String ENT = Schemas.ENTERPRISE_USER;
  private static final String SD = Schemas.SOFTDRIVE_USER;
  private static final ResourceNormalizer NORMALIZER =
      new ResourceNormalizer(EntraQuirks.defaults().valueRewrites(), Limits.defaults());

  private static JsonObject user(String body) {
    return NORMALIZER.normalize(SchemaRegistry.USER_TYPE, json(body));
  }

  static Stream<Arguments> rows() {
    String core = "'schemas':['" + CORE + "']";
    return Stream.of(
        Arguments.of(
            "canonical names from any case",
            "{'UserName':'a','Emails':[{'Value':'a@x.com','TYPE':'work'}]}",
            "{" + core + ",'userName':'a','emails':[{'value':'a@x.com','type':'work'}]}"),
        Arguments.of(
            "values are stored as sent",
            "{'userName':'A B','phoneNumbers':[{'value':'+1 (555) 010-0000','type':'work'}]}",
            "{"
                + core
                + ",'userName':'A B','phoneNumbers':[{'value':'+1 (555) 010-0000','type':'work'}]}"),
        Arguments.of(
            "unknown attributes, nulls, id, meta and groups are dropped",
            "{'userName':'a','colour':'blue','title':null,'id':'x','meta':{'resourceType':'User'},'groups':[{'value':'g'}]}",
            "{" + core + ",'userName':'a'}"),
        Arguments.of(
            "string booleans in any case become booleans",
            "{'userName':'a','active':'TRUE','emails':[{'value':'a@x.com','primary':'False'}]}",
            "{"
                + core
                + ",'userName':'a','active':true,'emails':[{'value':'a@x.com','primary':false}]}"),
        Arguments.of(
            "nested extension gets canonical names and its schema",
            "{'userName':'a','" + ENT + "':{'EmployeeNumber':'1','unknown':'x'}}",
            "{'schemas':['"
                + CORE
                + "','"
                + ENT
                + "'],'userName':'a','"
                + ENT
                + "':{'employeeNumber':'1'}}"),
        Arguments.of(
            "flat extension attribute is nested under its URN",
            "{'userName':'a','" + SD + ":userType':'Guest'}",
            "{'schemas':['"
                + CORE
                + "','"
                + SD
                + "'],'userName':'a','"
                + SD
                + "':{'userType':'Guest'}}"),
        Arguments.of(
            "unknown extension objects and schema URIs are tolerated",
            "{'schemas':['"
                + CORE
                + "','urn:ietf:params:scim:schemas:extension:enterprise:2.0User'],'userName':'a',"
                + "'urn:ietf:params:scim:schemas:extension:other:2.0:User':{'x':'y'}}",
            "{" + core + ",'userName':'a'}"),
        Arguments.of(
            "manager as a plain string id",
            "{'userName':'a','" + ENT + "':{'manager':'m1'}}",
            "{'schemas':['"
                + CORE
                + "','"
                + ENT
                + "'],'userName':'a','"
                + ENT
                + "':{'manager':{'value':'m1'}}}"),
        Arguments.of(
            "manager as an array with $ref keeps the id and the $ref",
            "{'userName':'a','"
                + ENT
                + "':{'manager':[{'value':'m1','$ref':'http://x/Users/m1'}]}}",
            "{'schemas':['"
                + CORE
                + "','"
                + ENT
                + "'],'userName':'a','"
                + ENT
                + "':{'manager':{'value':'m1','$ref':'http://x/Users/m1'}}}"),
        Arguments.of(
            "manager object keeps $ref and drops the read-only displayName",
            "{'userName':'a','"
                + ENT
                + "':{'manager':{'value':'m1','$ref':'../Users/m1','displayName':'Boss'}}}",
            "{'schemas':['"
                + CORE
                + "','"
                + ENT
                + "'],'userName':'a','"
                + ENT
                + "':{'manager':{'value':'m1','$ref':'../Users/m1'}}}"),
        Arguments.of(
            "display, type and primary of every multi-valued attribute are kept",
            "{'userName':'a','emails':[{'value':'a@x.com','display':'AMail','type':'work'}],"
                + "'phoneNumbers':[{'value':'1','display':'One','type':'fax','primary':true}],"
                + "'ims':[{'value':'i','display':'I','type':'xmpp'}],"
                + "'photos':[{'value':'https://p/1','display':'P','type':'photo'}],"
                + "'entitlements':[{'value':'e','display':'E','type':'t','primary':true}],"
                + "'x509Certificates':[{'value':'TUlJ','display':'C','type':'t','primary':false}]}",
            "{"
                + core
                + ",'userName':'a','emails':[{'value':'a@x.com','display':'AMail','type':'work'}],"
                + "'phoneNumbers':[{'value':'1','display':'One','type':'fax','primary':true}],"
                + "'ims':[{'value':'i','display':'I','type':'xmpp'}],"
                + "'photos':[{'value':'https://p/1','display':'P','type':'photo'}],"
                + "'entitlements':[{'value':'e','display':'E','type':'t','primary':true}],"
                + "'x509Certificates':[{'value':'TUlJ','display':'C','type':'t','primary':false}]}"),
        Arguments.of(
            "manager as an empty string means no manager",
            "{'userName':'a','" + ENT + "':{'manager':''}}",
            "{" + core + ",'userName':'a'}"),
        Arguments.of(
            "roles sent as JSON strings are unpacked",
            "{'userName':'a','roles':[{'value':'{\\\"id\\\":\\\"1\\\",\\\"value\\\":\\\"Admin\\\",\\\"displayName\\\":\\\"Administrator\\\"}'}]}",
            "{" + core + ",'userName':'a','roles':[{'value':'Admin','display':'Administrator'}]}"),
        Arguments.of(
            "empty roles array is no roles",
            "{'userName':'a','roles':[]}",
            "{" + core + ",'userName':'a'}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void bodiesAreNormalized(String description, String body, String expected) {
    assertEquals(json(expected), user(body));
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        Arguments.of("{'title':'x'}", "userName"),
        Arguments.of("{'userName':''}", "userName"),
        Arguments.of("{'userName':{'value':'a'}}", "userName"),
        Arguments.of("{'userName':'a','active':'yes'}", "active"),
        Arguments.of("{'userName':'a','name':'Barbara'}", "name"),
        Arguments.of("{'userName':'a','emails':[{'value':7}]}", "emails.value"),
        Arguments.of(
            "{'userName':'a','title':'" + "x".repeat(Limits.defaults().stringLength() + 1) + "'}",
            "title"),
        Arguments.of("{'userName':'a','" + ENT + "':'x'}", ENT));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidBodies")
  void invalidBodiesAreInvalidValueNamingTheAttribute(String body, String attribute) {
    ScimBadRequest e = assertThrows(ScimBadRequest.class, () -> user(body));
    assertEquals(Optional.of("invalidValue"), e.scimType());
    assertTrue(e.detail().contains(attribute), e.detail());
  }

  @Test
  void certificatesMayBeLongerThanOrdinaryStrings() {
    String cert = "M".repeat(Limits.defaults().stringLength() * 2);
    JsonObject u = user("{'userName':'a','x509Certificates':[{'value':'" + cert + "'}]}");

    assertEquals(cert, u.getJsonArray("x509Certificates").getJsonObject(0).getString("value"));
    assertThrows(
        ScimBadRequest.class,
        () ->
            user(
                "{'userName':'a','x509Certificates':[{'value':'"
                    + "M".repeat(Limits.defaults().largeStringLength() + 1)
                    + "'}]}"));
  }

  @Test
  void theDocumentedCreateUserBodyKeepsEverythingButMeta() {
    JsonObject u = NORMALIZER.normalize(SchemaRegistry.USER_TYPE, fixture("R4-create-user.json"));

    assertEquals(
        json(
            "{'schemas':['"
                + CORE
                + "'],'externalId':'0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',"
                + "'userName':'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee','active':true,"
                + "'emails':[{'primary':true,'type':'work','value':'Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com'}],"
                + "'name':{'formatted':'givenName familyName','familyName':'familyName','givenName':'givenName'}}"),
        u);
  }

  @Test
  void theLegacyCreateUserBodyWithNullsStringActiveAndBothExtensionFormsIsAccepted() {
    JsonObject u =
        NORMALIZER.normalize(SchemaRegistry.USER_TYPE, fixture("R4-create-user-legacy.json"));

    assertEquals(
        json(
            "{'schemas':['"
                + CORE
                + "','"
                + ENT
                + "','"
                + SD
                + "'],'externalId':'0a21f0f2',"
                + "'userName':'Test_User_legacy','active':true,"
                + "'"
                + ENT
                + "':{'employeeNumber':'701984','department':'Retail','manager':{'value':'m-1'}},"
                + "'"
                + SD
                + "':{'userType':'Guest'}}"),
        u);
  }

  @Test
  void groupMembersAreReturnedApartFromTheAttributes() {
    NormalizedResource g =
        NORMALIZER.normalizeWithMembers(
            SchemaRegistry.GROUP_TYPE,
            json(
                "{'displayName':'Sales','members':[{'value':'u1','$ref':null},{'value':'u2','display':'Two'}]}"));

    assertEquals(
        json("{'schemas':['" + Schemas.CORE_GROUP + "'],'displayName':'Sales'}"), g.attributes());
    assertEquals(List.of("u1", "u2"), g.memberValues());
  }

  @Test
  void documentedCreateGroupBodiesAreAcceptedWithAndWithoutMembers() {
    NormalizedResource documented =
        NORMALIZER.normalizeWithMembers(SchemaRegistry.GROUP_TYPE, fixture("R9-create-group.json"));
    NormalizedResource observed =
        NORMALIZER.normalizeWithMembers(
            SchemaRegistry.GROUP_TYPE, fixture("R9-create-group-observed.json"));

    assertEquals(
        json(
            "{'schemas':['"
                + Schemas.CORE_GROUP
                + "'],'externalId':'8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',"
                + "'displayName':'displayName'}"),
        documented.attributes());
    assertNull(documented.memberValues());
    assertEquals(List.of(), observed.memberValues());
    assertEquals("Org Admin", observed.attributes().getString("displayName"));
  }

  @Test
  void aGroupWithoutDisplayNameIsInvalidValue() {
    ScimBadRequest e =
        assertThrows(
            ScimBadRequest.class,
            () -> NORMALIZER.normalize(SchemaRegistry.GROUP_TYPE, json("{'externalId':'x'}")));
    assertTrue(e.detail().contains("displayName"));
  }

  @Test
  void configuredLimitsBoundStringsValuesAndMembers() {
    ResourceNormalizer small =
        new ResourceNormalizer(
            EntraQuirks.defaults().valueRewrites(),
            TestLimits.with(
                "string-length", 5,
                "large-string-length", 8,
                "attribute-values", 2,
                "values-per-operation", 2));
    small.normalize(
        SchemaRegistry.USER_TYPE,
        json(
            "{'userName':'abcde','emails':[{'value':'a'},{'value':'b'}],"
                + "'x509Certificates':[{'value':'MMMMMMMM'}]}"));
    assertInvalidValue(
        () -> small.normalize(SchemaRegistry.USER_TYPE, json("{'userName':'abcdef'}")),
        "'userName' is longer than 5 characters");
    assertInvalidValue(
        () ->
            small.normalize(
                SchemaRegistry.USER_TYPE,
                json("{'userName':'a','x509Certificates':[{'value':'MMMMMMMMM'}]}")),
        "longer than 8 characters");
    assertInvalidValue(
        () ->
            small.normalize(
                SchemaRegistry.USER_TYPE,
                json("{'userName':'a','emails':[{'value':'a'},{'value':'b'},{'value':'c'}]}")),
        "'emails' has more than 2 values");
    small.normalizeWithMembers(
        SchemaRegistry.GROUP_TYPE,
        json("{'displayName':'g','members':[{'value':'1'},{'value':'2'}]}"));
    assertInvalidValue(
        () ->
            small.normalizeWithMembers(
                SchemaRegistry.GROUP_TYPE,
                json("{'displayName':'g','members':[{'value':'1'},{'value':'2'},{'value':'3'}]}")),
        "'members' has more than 2 values");
  }

  private static void assertInvalidValue(
      org.junit.jupiter.api.function.Executable normalize, String expected) {
    ScimBadRequest e = assertThrows(ScimBadRequest.class, normalize);
    assertEquals(Optional.of("invalidValue"), e.scimType());
    assertTrue(e.detail().contains(expected), e::detail);
  }
}
