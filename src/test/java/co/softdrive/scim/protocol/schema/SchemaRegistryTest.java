package co.softdrive.scim.protocol.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.protocol.schema.AttributeDef.Mutability;
import co.softdrive.scim.protocol.schema.AttributeDef.Returned;
import co.softdrive.scim.protocol.schema.AttributeDef.Uniqueness;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaRegistryTest {

  static Stream<Arguments> references() {
    return Stream.of(
        Arguments.of("User", "userName", "userName"),
        Arguments.of("User", "USERNAME", "userName"),
        Arguments.of("User", Schemas.CORE_USER + ":userName", "userName"),
        Arguments.of("User", "name.GIVENNAME", "givenName"),
        Arguments.of(
            "User", Schemas.ENTERPRISE_USER.toUpperCase() + ":employeeNumber", "employeeNumber"),
        Arguments.of("User", Schemas.ENTERPRISE_USER + ":manager.value", "value"),
        Arguments.of("User", "manager", "manager"),
        Arguments.of("User", Schemas.SOFTDRIVE_USER + ":userType", "userType"),
        Arguments.of("User", "externalId", "externalId"),
        Arguments.of("User", "meta.lastModified", "lastModified"),
        Arguments.of("group", "Members.Value", "value"),
        Arguments.of("Group", "displayName", "displayName"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("references")
  void referencesResolveCaseInsensitivelyWithOrWithoutUrn(
      String type, String reference, String canonical) {
    ResourceTypeDef t = SchemaRegistry.resourceType(type).orElseThrow();
    assertEquals(canonical, t.resolve(reference).orElseThrow().target().name());
  }

  @Test
  void unknownReferencesDoNotResolve() {
    ResourceTypeDef user = SchemaRegistry.USER_TYPE;
    assertTrue(user.resolve("colour").isEmpty());
    assertTrue(user.resolve("name.colour").isEmpty());
    assertTrue(user.resolve("urn:ietf:params:scim:schemas:extension:other:2.0:User:x").isEmpty());
    assertTrue(SchemaRegistry.GROUP_TYPE.resolve("userName").isEmpty());
  }

  @Test
  void userSchemaHasEveryRfcAttributeWithTheRfcCharacteristics() {
    List<String> names = SchemaRegistry.USER.attributes().stream().map(AttributeDef::name).toList();
    assertEquals(
        List.of(
            "userName",
            "name",
            "displayName",
            "nickName",
            "profileUrl",
            "title",
            "userType",
            "preferredLanguage",
            "locale",
            "timezone",
            "active",
            "password",
            "emails",
            "phoneNumbers",
            "ims",
            "photos",
            "addresses",
            "groups",
            "entitlements",
            "roles",
            "x509Certificates"),
        names);

    AttributeDef userName = SchemaRegistry.USER.attribute("userName").orElseThrow();
    assertTrue(userName.required());
    assertFalse(userName.caseExact());
    assertEquals(Uniqueness.SERVER, userName.uniqueness());
    AttributeDef password = SchemaRegistry.USER.attribute("password").orElseThrow();
    assertEquals(Mutability.WRITE_ONLY, password.mutability());
    assertEquals(Returned.NEVER, password.returned());
    assertEquals(
        Mutability.READ_ONLY, SchemaRegistry.USER.attribute("groups").orElseThrow().mutability());
    assertEquals(
        List.of(
            "formatted",
            "streetAddress",
            "locality",
            "region",
            "postalCode",
            "country",
            "type",
            "primary"),
        SchemaRegistry.USER.attribute("addresses").orElseThrow().subAttributes().stream()
            .map(AttributeDef::name)
            .toList());
  }

  @Test
  void extensionsAndGroupHaveTheirAttributes() {
    assertEquals(
        List.of(
            "employeeNumber", "costCenter", "organization", "division", "department", "manager"),
        SchemaRegistry.ENTERPRISE_USER.attributes().stream().map(AttributeDef::name).toList());
    assertEquals(
        List.of("value", "$ref", "displayName"),
        SchemaRegistry.ENTERPRISE_USER.attribute("manager").orElseThrow().subAttributes().stream()
            .map(AttributeDef::name)
            .toList());
    assertEquals(
        List.of("userType"),
        SchemaRegistry.SOFTDRIVE_USER.attributes().stream().map(AttributeDef::name).toList());
    assertTrue(SchemaRegistry.GROUP.attribute("displayName").orElseThrow().required());
    assertEquals(
        List.of("value", "$ref", "display", "type"),
        SchemaRegistry.GROUP.attribute("members").orElseThrow().subAttributes().stream()
            .map(AttributeDef::name)
            .toList());
    assertTrue(SchemaRegistry.GROUP_TYPE.resolve("externalId").isPresent());
  }

  /** Schemas are map keys on every request: hashing one reads its URN, not its attributes. */
  @Test
  void aSchemasHashIsItsUrnsSoMapLookupsDoNotWalkItsAttributes() {
    for (SchemaDef s :
        List.of(SchemaRegistry.USER, SchemaRegistry.GROUP, SchemaRegistry.ENTERPRISE_USER)) {
      assertEquals(s.id().hashCode(), s.hashCode(), s.id());
    }
    SchemaDef fewer =
        new SchemaDef(
            SchemaRegistry.USER.id(), "User", "", SchemaRegistry.USER.attributes().subList(0, 1));
    assertEquals(SchemaRegistry.USER.hashCode(), fewer.hashCode());
    assertFalse(SchemaRegistry.USER.equals(fewer));
  }
}
