package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.GROUP;
import static co.softdrive.scim.it.scim.Scim.SCIM_JSON_UTF8;
import static co.softdrive.scim.it.scim.Scim.USER;
import static org.hamcrest.Matchers.equalTo;

import co.softdrive.scim.it.Jsons;
import co.softdrive.scim.it.TenantFixture;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Look-alike names are one name: a userName (or group displayName) that equals an existing one
 * after NFKC normalization and case folding (persistence.NameKey) is {@code 409 uniqueness}, and a
 * filter on either spelling finds the resource, which keeps the spelling its client sent.
 */
class LookAlikeNamesIT {
  static TenantFixture t;
  static TenantFixture other;

  @BeforeAll
  static void tenants() {
    t = TenantFixture.create("scim-look-alikes");
    other = TenantFixture.create("scim-look-alikes-other");
  }

  /** The pairs an outside tester reported, then ordinary ones: the first is created first. */
  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("NFC and NFD", "caf\u00e9", "cafe\u0301"),
        Arguments.of("fullwidth", "admin", "\uff41dmin"),
        Arguments.of("final sigma", "\u03c3", "\u03c2"),
        Arguments.of("ligature", "fi", "\ufb01"),
        Arguments.of("case", "BJensen", "bjensen"),
        Arguments.of("sharp s", "Stra\u00dfe", "STRASSE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void aUserNameThatLooksLikeAnExistingOneIs409AndAFilterOnItFindsTheFirst(
      String label, String first, String second) {
    String suffix = "-" + UUID.randomUUID();
    String id = postUser(t, first + suffix).statusCode(201).extract().path("id");

    postUser(t, second + suffix)
        .statusCode(409)
        .body("scimType", equalTo("uniqueness"))
        .body("status", equalTo("409"));

    // The other spelling finds the first user, which keeps the spelling it was created with.
    t.scim()
        .queryParam("filter", "userName eq \"" + second + suffix + "\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].id", equalTo(id))
        .body("Resources[0].userName", equalTo(first + suffix));
    t.scim().get("/Users/" + id).then().statusCode(200).body("userName", equalTo(first + suffix));

    // Another tenant has its own names.
    postUser(other, second + suffix).statusCode(201);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void aGroupDisplayNameThatLooksLikeAnExistingOneIs409AndAFilterOnItFindsTheFirst(
      String label, String first, String second) {
    String suffix = " " + UUID.randomUUID();
    String id = postGroup(t, first + suffix).statusCode(201).extract().path("id");

    postGroup(t, second + suffix).statusCode(409).body("scimType", equalTo("uniqueness"));

    t.scim()
        .queryParam("filter", "displayName eq \"" + second + suffix + "\"")
        .get("/Groups")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].id", equalTo(id))
        .body("Resources[0].displayName", equalTo(first + suffix));
    postGroup(other, second + suffix).statusCode(201);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void renamingAUserToALookAlikeOfAnotherIs409ButItsOwnNameInAnotherFormIsFine(
      String label, String first, String second) {
    String suffix = "-" + UUID.randomUUID();
    postUser(t, first + suffix).statusCode(201);
    String id = postUser(t, "someone-else" + suffix).statusCode(201).extract().path("id");
    String rename =
        Scim.patch(Jsons.of("op", "replace", "path", "userName", "value", second + suffix));

    Scim.patchUser(t, id, Scim.OpCase.LOWERCASE, rename)
        .statusCode(409)
        .body("scimType", equalTo("uniqueness"));

    // The first user renamed to its own name in the other spelling: stored as sent.
    String firstId =
        t.scim()
            .queryParam("filter", "userName eq \"" + first + suffix + "\"")
            .get("/Users")
            .then()
            .statusCode(200)
            .extract()
            .path("Resources[0].id");
    Scim.patchUser(t, firstId, Scim.OpCase.LOWERCASE, rename)
        .statusCode(200)
        .body("userName", equalTo(second + suffix));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void startsWithAndContainsCompareNormalizedFragments(String label, String first, String second) {
    String suffix = "-" + UUID.randomUUID();
    String id = postUser(t, "x" + first + suffix).statusCode(201).extract().path("id");
    for (String filter :
        new String[] {
          "userName sw \"x" + second + suffix.substring(0, 10) + "\"",
          "userName co \"" + second + suffix + "\"",
          "userName ew \"" + second + suffix + "\""
        }) {
      t.scim()
          .queryParam("filter", filter)
          .get("/Users")
          .then()
          .statusCode(200)
          .body("totalResults", equalTo(1))
          .body("Resources[0].id", equalTo(id));
    }
  }

  private static ValidatableResponse postUser(TenantFixture tenant, String userName) {
    return tenant
        .scim()
        .contentType(SCIM_JSON_UTF8)
        .body(Jsons.of("schemas", List.of(USER), "userName", userName, "active", true))
        .post("/Users")
        .then();
  }

  private static ValidatableResponse postGroup(TenantFixture tenant, String displayName) {
    return tenant
        .scim()
        .contentType(SCIM_JSON_UTF8)
        .body(Jsons.of("schemas", List.of(GROUP), "displayName", displayName))
        .post("/Groups")
        .then();
  }
}
