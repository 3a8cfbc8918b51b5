package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.ENTERPRISE;
import static co.softdrive.scim.it.scim.Scim.SCIM_JSON_UTF8;
import static co.softdrive.scim.it.scim.Scim.USER;
import static co.softdrive.scim.it.scim.Scim.patch;
import static co.softdrive.scim.it.scim.Scim.patchUser;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import co.softdrive.scim.it.TenantFixture;
import co.softdrive.scim.it.scim.Scim.OpCase;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PATCH /Users with Entra's request bodies R5a–R5f (docs/entra.md#r5-update-user): test vectors
 * T14–T18, T21 and T22 (docs/entra.md#test-vectors). Every test runs twice, with Entra's default
 * capitalised {@code op} values and with the lowercase ones sent under {@code aadOptscim062020}.
 */
class UserPatchIT {
  static TenantFixture t;

  @BeforeAll
  static void tenant() {
    t = TenantFixture.create("scim-user-patch");
  }

  private static String createR4User(String email) {
    return t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(Scim.r4CreateUser(Scim.unique("Test_User"), UUID.randomUUID().toString(), email))
        .post("/Users")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String createPlainUser() {
    return t.createUser(Scim.unique("plain") + "@example.com");
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void r5aReplacesTheWorkEmailAndFamilyNameKeepingOneWorkEmail(OpCase casing) {
    // T14
    String id = createR4User(Scim.unique("before") + "@testuser.com");
    patchUser(
            t,
            id,
            casing,
            """
        {
          "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
          "Operations": [
            {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "updatedEmail@microsoft.com"},
            {"op": "Replace", "path": "name.familyName", "value": "updatedFamilyName"}
          ]
        }
        """)
        .statusCode(200)
        .body("id", equalTo(id))
        .body("emails[0].value", equalTo("updatedEmail@microsoft.com"));
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("emails.findAll { it.type == 'work' }", hasSize(1))
        .body("emails.find { it.type == 'work' }.value", equalTo("updatedEmail@microsoft.com"))
        .body("name.familyName", equalTo("updatedFamilyName"))
        .body("name.givenName", equalTo("givenName"));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void replacingTheWorkEmailOfAUserWithoutEmailsCreatesOne(OpCase casing) {
    // T15 (Q8): upsert instead of noTarget.
    String id = createPlainUser();
    patchUser(
            t,
            id,
            casing,
            patch(
                "{\"op\": \"Replace\", \"path\": \"emails[type eq \\\"work\\\"].value\", \"value\": \"x@y.com\"}"))
        .statusCode(200);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("emails", hasSize(1))
        .body("emails[0].type", equalTo("work"))
        .body("emails[0].value", equalTo("x@y.com"));
    // And the new email is filterable.
    t.scim()
        .queryParam(
            "filter", "emails[type eq \"work\"].value eq \"x@y.com\" and id eq \"" + id + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void threeAddsOnSubAttributesOfTheWorkAddressMakeOneAddress(OpCase casing) {
    // T16 (Q8)
    String id = createPlainUser();
    patchUser(
            t,
            id,
            casing,
            """
        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations": [
          {"op": "Add", "path": "addresses[type eq \\"work\\"].streetAddress", "value": "1 Main St"},
          {"op": "Add", "path": "addresses[type eq \\"work\\"].locality", "value": "Springfield"},
          {"op": "Add", "path": "addresses[type eq \\"work\\"].postalCode", "value": "12345"}]}
        """)
        .statusCode(200);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("addresses", hasSize(1))
        .body("addresses[0].type", equalTo("work"))
        .body("addresses[0].streetAddress", equalTo("1 Main St"))
        .body("addresses[0].locality", equalTo("Springfield"))
        .body("addresses[0].postalCode", equalTo("12345"));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void r5dFlagFormWithDottedAndUrnKeysUpdatesTheRealAttributes(OpCase casing) {
    // T17 (Q5, Q6)
    String id = createR4User(Scim.unique("r5d") + "@testuser.com");
    patchUser(
            t,
            id,
            casing,
            """
        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations": [
           {"op": "replace", "path": "emails[type eq \\"work\\"].value", "value": "TestMhvaes@test.microsoft.com"},
           {"op": "replace", "value": {
              "displayName": "Bjfe",
              "name.givenName": "Kkom",
              "name.familyName": "Unua",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "Aklq"}}]}
        """)
        .statusCode(200);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("displayName", equalTo("Bjfe"))
        .body("name.givenName", equalTo("Kkom"))
        .body("name.familyName", equalTo("Unua"))
        .body("'" + ENTERPRISE + "'.employeeNumber", equalTo("Aklq"))
        .body("emails", hasSize(1))
        .body("emails[0].value", equalTo("TestMhvaes@test.microsoft.com"))
        .body("$", not(hasKey("name.givenName")))
        .body("$", not(hasKey("name.familyName")))
        .body("$", not(hasKey(ENTERPRISE + ":employeeNumber")))
        .body("$", not(hasKey("employeeNumber")));
    t.scim()
        .queryParam("filter", ENTERPRISE + ":employeeNumber eq \"Aklq\" and id eq \"" + id + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void r5dDefaultFormOneReplacePerAttributeAndTheObservedDottedAddBothWork(OpCase casing) {
    String id = createR4User(Scim.unique("r5d-default") + "@testuser.com");
    String externalId = UUID.randomUUID().toString();
    patchUser(
            t,
            id,
            casing,
            patch(
                "{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"Bjfe\"}",
                "{\"op\": \"Replace\", \"path\": \"emails[type eq \\\"work\\\"].value\", \"value\": \"TestMhvaes@test.microsoft.com\"}",
                "{\"op\": \"Replace\", \"path\": \"name.givenName\", \"value\": \"Kkom\"}",
                "{\"op\": \"Replace\", \"path\": \"name.familyName\", \"value\": \"Unua\"}",
                "{\"op\": \"Replace\", \"path\": \"externalId\", \"value\": \""
                    + externalId
                    + "\"}",
                "{\"op\": \"Replace\", \"path\": \""
                    + ENTERPRISE
                    + ":employeeNumber\", \"value\": \"Aklq\"}"))
        .statusCode(200)
        .body("displayName", equalTo("Bjfe"))
        .body("externalId", equalTo(externalId))
        .body("'" + ENTERPRISE + "'.employeeNumber", equalTo("Aklq"));
    // Observed without the flag: op add, no path, dotted keys.
    patchUser(
            t,
            id,
            casing,
            patch(
                "{\"op\": \"add\", \"value\": {\"displayName\": \"Foo Bar\", \"title\": \"Bar Foo\", \"name.givenName\": \"Foo\","
                    + " \"name.familyName\": \"Bar\", \"name.formatted\": \"Foo Bar\"}}"))
        .statusCode(200);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("displayName", equalTo("Foo Bar"))
        .body("title", equalTo("Bar Foo"))
        .body("name.givenName", equalTo("Foo"))
        .body("name.familyName", equalTo("Bar"))
        .body("name.formatted", equalTo("Foo Bar"))
        .body("$", not(hasKey("name.givenName")));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void r5bAddOnASingleValuedAttributeReplacesItAndTheObservedMultiOpBodyApplies(OpCase casing) {
    String id = createR4User(Scim.unique("r5b") + "@testuser.com");
    for (String nick : new String[] {"Babs", "Barbara"}) {
      patchUser(
              t,
              id,
              casing,
              """
          {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
           "Operations": [{"op": "Add", "path": "nickName", "value": "%s"},
                          {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "value": "Retail-%s"}]}
          """
                  .formatted(nick, nick))
          .statusCode(200)
          .body("nickName", equalTo(nick))
          .body("'" + ENTERPRISE + "'.department", equalTo("Retail-" + nick));
    }
    String newName = Scim.unique("test01") + "@example.com";
    patchUser(
            t,
            id,
            casing,
            """
        {"Operations": [
          {"op": "Replace", "path": "displayName", "value": "Test 01"},
          {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "test01@example.com"},
          {"op": "Replace", "path": "userName", "value": "%s"},
          {"op": "Replace", "path": "name.familyName", "value": "Tesst 01"},
          {"op": "Replace", "path": "name.formatted", "value": "Test 01"}],
         "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}
        """
                .formatted(newName))
        .statusCode(200);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("displayName", equalTo("Test 01"))
        .body("userName", equalTo(newName))
        .body("emails", hasSize(1))
        .body("emails[0].value", equalTo("test01@example.com"))
        .body("name.familyName", equalTo("Tesst 01"))
        .body("name.formatted", equalTo("Test 01"));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void managerAsPlainStringIsSetReplacedAndClearedWithAnEmptyString(OpCase casing) {
    // T18 (R5e, Q7): the three requests of Microsoft's gallery test, each verified by GET.
    String id = createPlainUser();
    String manager = createPlainUser();
    String other = createPlainUser();
    String path = ENTERPRISE + ":manager";
    patchUser(
            t,
            id,
            casing,
            patch("{\"op\": \"Add\", \"path\": \"" + path + "\", \"value\": \"" + manager + "\"}"))
        .statusCode(200);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("'" + ENTERPRISE + "'.manager.value", equalTo(manager));
    t.scim()
        .queryParam("filter", "manager eq \"" + manager + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].id", equalTo(id));
    patchUser(
            t,
            id,
            casing,
            patch(
                "{\"op\": \"replace\", \"path\": \"" + path + "\", \"value\": \"" + other + "\"}"))
        .statusCode(200);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("'" + ENTERPRISE + "'.manager.value", equalTo(other));
    patchUser(
            t,
            id,
            casing,
            patch("{\"op\": \"replace\", \"path\": \"" + path + "\", \"value\": \"\"}"))
        .statusCode(200);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("'" + ENTERPRISE + "'.manager.value", anyOf(nullValue(), equalTo("")));
    t.scim()
        .queryParam("filter", "manager eq \"" + other + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(0));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void managerAsObjectAndAsLegacyArrayWithRefIsStoredAsAnObject(OpCase casing) {
    String id = createPlainUser();
    String manager = createPlainUser();
    String other = createPlainUser();
    patchUser(
            t,
            id,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \""
                    + ENTERPRISE
                    + ":manager\", \"value\": {\"value\": \""
                    + manager
                    + "\"}}"))
        .statusCode(200)
        .body("'" + ENTERPRISE + "'.manager.value", equalTo(manager));
    patchUser(
            t,
            id,
            casing,
            patch(
                "{\"op\": \"Add\", \"path\": \"manager\", \"value\": [{\"$ref\": \"http://example.com/scim/Users/"
                    + other
                    + "\", \"value\": \""
                    + other
                    + "\"}]}"))
        .statusCode(200);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("'" + ENTERPRISE + "'.manager.value", equalTo(other));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void replaceWithEmptyStringNullAndRemoveWithOrWithoutValueClearTitle(OpCase casing) {
    // T21 (R5f)
    String id = createPlainUser();
    String[] clears = {
      "{\"op\": \"replace\", \"path\": \"title\", \"value\": \"\"}",
      "{\"op\": \"remove\", \"path\": \"title\"}",
      "{\"op\": \"replace\", \"path\": \"title\", \"value\": null}",
      "{\"op\": \"Remove\", \"path\": \"title\", \"value\": \"Engineer\"}"
    };
    for (String clear : clears) {
      patchUser(
              t,
              id,
              casing,
              patch("{\"op\": \"Add\", \"path\": \"title\", \"value\": \"Engineer\"}"))
          .statusCode(200)
          .body("title", equalTo("Engineer"));
      patchUser(t, id, casing, patch(clear)).statusCode(200);
      t.scim()
          .get("/Users/" + id)
          .then()
          .statusCode(200)
          .body("title", anyOf(nullValue(), equalTo("")));
    }
    // Clearing what is already absent still succeeds.
    patchUser(t, id, casing, patch("{\"op\": \"remove\", \"path\": \"title\"}")).statusCode(200);
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void replacingUserNameMovesFiltersToTheNewName(OpCase casing) {
    // T22 (R5b)
    String oldName = Scim.unique("old") + "@x.com";
    String newName = Scim.unique("new") + "@x.com";
    String id = t.createUser(oldName);
    patchUser(
            t,
            id,
            casing,
            "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\n"
                + " \"Operations\": [{\"op\": \"Replace\", \"path\": \"userName\", \"value\": \""
                + newName
                + "\"}]}")
        .statusCode(200)
        .body("userName", equalTo(newName));
    t.scim().get("/Users/" + id).then().statusCode(200).body("userName", equalTo(newName));
    t.scim()
        .queryParam("filter", "userName eq \"" + newName + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].id", equalTo(id));
    t.scim()
        .queryParam("filter", "userName eq \"" + oldName + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(0));
    // The old name is free, the new one taken.
    t.createUser(oldName);
    t.createUserResponse(newName.toUpperCase())
        .statusCode(409)
        .body("scimType", equalTo("uniqueness"));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void renamingOntoAnotherUsersNameIs409AndChangesNothing(OpCase casing) {
    String taken = Scim.unique("taken") + "@x.com";
    t.createUser(taken);
    String mine = Scim.unique("mine") + "@x.com";
    String id = t.createUser(mine);
    patchUser(
            t,
            id,
            casing,
            patch(
                "{\"op\": \"Replace\", \"path\": \"userName\", \"value\": \""
                    + taken.toUpperCase()
                    + "\"}"))
        .statusCode(409)
        .body("scimType", equalTo("uniqueness"))
        .body("status", equalTo("409"));
    t.scim().get("/Users/" + id).then().statusCode(200).body("userName", equalTo(mine));
  }

  @ParameterizedTest
  @EnumSource(OpCase.class)
  void invalidPatchRequestsAre400WithScimType(OpCase casing) {
    String id = createPlainUser();
    patchUser(
            t, id, casing, patch("{\"op\": \"Frobnicate\", \"path\": \"title\", \"value\": \"x\"}"))
        .statusCode(400)
        .body("schemas", hasItem(Scim.ERROR))
        .body("status", equalTo("400"))
        .body("scimType", anyOf(equalTo("invalidSyntax"), equalTo("invalidValue")));
    patchUser(
            t,
            id,
            casing,
            patch("{\"op\": \"Replace\", \"path\": \"emails[type eq\", \"value\": \"x\"}"))
        .statusCode(400)
        .body("scimType", equalTo("invalidPath"));
    patchUser(
            t,
            id,
            casing,
            patch("{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"maybe\"}"))
        .statusCode(400)
        .body("scimType", equalTo("invalidValue"));
    // Atomic: a failing second operation leaves the first unapplied.
    patchUser(
            t,
            id,
            casing,
            patch(
                "{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"should-not-stick\"}",
                "{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"maybe\"}"))
        .statusCode(400);
    t.scim()
        .get("/Users/" + id)
        .then()
        .statusCode(200)
        .body("$", not(hasKey("displayName")))
        .body("schemas", hasItem(USER));
  }
}
