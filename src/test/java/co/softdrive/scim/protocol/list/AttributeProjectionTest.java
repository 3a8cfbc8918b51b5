package co.softdrive.scim.protocol.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttributeProjectionTest {
  static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String SD = "urn:ietf:params:scim:schemas:extension:softdrive:2.0:User";
  static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final Set<String> ALWAYS = Set.of("id", "schemas", "meta");

  /** JSON with single quotes for double quotes, ENT and SD for the extension URNs. */
  static JsonObject json(String text) {
    String s = text.replace('\'', '"').replace("ENT", ENT).replace("SD", SD);
    try (var reader = Json.createReader(new StringReader(s))) {
      return reader.readObject();
    }
  }

  static final JsonObject USER =
      json(
          """
          {'schemas': ['x'], 'id': '1', 'meta': {'resourceType': 'User'},
           'userName': 'bjensen', 'displayName': 'Babs',
           'name': {'givenName': 'Barbara', 'familyName': 'Jensen'},
           'emails': [{'type': 'work', 'value': 'a@x'}, {'type': 'home'}],
           'ENT': {'employeeNumber': '42', 'manager': {'value': 'm1', 'displayName': 'Boss'}},
           'SD': {'userType': 'staff'}}
          """);

  /** Splits at commas as the caller does; the names ENT and SD stand for the extension URNs. */
  static List<String> list(String commaSeparated) {
    return commaSeparated == null
        ? null
        : Arrays.stream(commaSeparated.split(","))
            .map(n -> n.equals("ENT") ? ENT : n.equals("SD") ? SD : n)
            .toList();
  }

  static Stream<Arguments> rows() {
    String always = "'schemas': ['x'], 'id': '1', 'meta': {'resourceType': 'User'}";
    return Stream.of(
        // attributes
        arguments("userName", null, "{" + always + ", 'userName': 'bjensen'}"),
        arguments(
            "USERNAME,DisplayName",
            null,
            "{" + always + ", 'userName': 'bjensen', 'displayName': 'Babs'}"),
        arguments("name.givenName", null, "{" + always + ", 'name': {'givenName': 'Barbara'}}"),
        arguments("name.middleName", null, "{" + always + "}"),
        arguments("emails.value", null, "{" + always + ", 'emails': [{'value': 'a@x'}]}"),
        arguments(
            "emails.type",
            null,
            "{" + always + ", 'emails': [{'type': 'work'}, {'type': 'home'}]}"),
        arguments("userName.x", null, "{" + always + "}"),
        arguments(CORE + ":userName", null, "{" + always + ", 'userName': 'bjensen'}"),
        arguments(
            ENT + ":employeeNumber", null, "{" + always + ", 'ENT': {'employeeNumber': '42'}}"),
        arguments(
            ENT.toLowerCase() + ":EMPLOYEENUMBER",
            null,
            "{" + always + ", 'ENT': {'employeeNumber': '42'}}"),
        arguments(
            ENT + ":manager.value", null, "{" + always + ", 'ENT': {'manager': {'value': 'm1'}}}"),
        arguments(ENT + ":costCenter", null, "{" + always + "}"),
        arguments(
            ENT,
            null,
            "{"
                + always
                + ", 'ENT': {'employeeNumber': '42', 'manager': {'value': 'm1',"
                + " 'displayName': 'Boss'}}}"),
        arguments("urn:acme:unknown:2.0:User:x", null, "{" + always + "}"),
        arguments("id", null, "{" + always + "}"),
        arguments(" userName , ", null, "{" + always + ", 'userName': 'bjensen'}"),
        // excludedAttributes
        arguments(
            null,
            "emails,name,SD",
            "{"
                + always
                + ", 'userName': 'bjensen', 'displayName': 'Babs',"
                + " 'ENT': {'employeeNumber': '42', 'manager': {'value': 'm1', 'displayName': 'Boss'}}}"),
        arguments(
            null,
            "id,schemas,META,userName,displayName,name,emails,ENT",
            "{" + always + ", 'SD': {'userType': 'staff'}}"),
        arguments(
            null,
            "name.givenName,emails.value,displayName,userName,SD," + ENT + ":manager",
            "{"
                + always
                + ", 'name': {'familyName': 'Jensen'},"
                + " 'emails': [{'type': 'work'}, {'type': 'home'}], 'ENT': {'employeeNumber': '42'}}"),
        arguments(
            null,
            "emails.type,emails.value,name,displayName,userName,"
                + ENT
                + ":employeeNumber,"
                + ENT
                + ":manager,"
                + SD
                + ":USERTYPE",
            "{" + always + "}"),
        arguments(null, CORE + ":userName,name,emails,displayName,ENT,SD", "{" + always + "}"),
        // both: attributes wins
        arguments("userName", "userName", "{" + always + ", 'userName': 'bjensen'}"));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void projectionReturnsExactlyTheSelectedAttributes(
      String attributes, String excluded, String expected) {
    assertEquals(
        json(expected), AttributeProjection.apply(USER, list(attributes), list(excluded), ALWAYS));
  }

  @Test
  void noParametersReturnTheResourceUnchanged() {
    assertSame(USER, AttributeProjection.apply(USER, null, List.of(), ALWAYS));
    assertSame(USER, AttributeProjection.apply(USER, List.of(" "), null, ALWAYS));
  }

  static Stream<Arguments> excludesRows() {
    return Stream.of(
        arguments("members", null, null, false),
        arguments("members", "displayName", null, true),
        arguments("members", "displayName,MEMBERS", null, false),
        arguments("members", "members.value", null, false),
        arguments("members", "urn:ietf:params:scim:schemas:core:2.0:Group:members", null, false),
        arguments("members", null, "members", true),
        arguments("members", null, "Members", true),
        arguments("members", null, "urn:ietf:params:scim:schemas:core:2.0:Group:members", true),
        arguments("members", null, "members.display", false),
        arguments("members", null, "displayName", false),
        arguments("members", "displayName", "displayName", true),
        arguments("members", "members", "members", false),
        arguments(ENT, ENT + ":employeeNumber", null, false),
        arguments(ENT, "userName", null, true),
        arguments(ENT, null, ENT, true),
        arguments(ENT, null, ENT + ":employeeNumber", false));
  }

  @ParameterizedTest
  @MethodSource("excludesRows")
  void excludesTellsWhetherATopLevelAttributeWillBeAbsent(
      String attribute, String attributes, String excluded, boolean expected) {
    assertEquals(
        expected, AttributeProjection.excludes(attribute, list(attributes), list(excluded)));
  }

  static Stream<Arguments> subAttributeRows() {
    return Stream.of(
        arguments(null, null, true),
        arguments("members", null, true),
        arguments("members.display", null, true),
        arguments("members.value", null, false),
        arguments("displayName", null, false),
        arguments(null, "members", false),
        arguments(null, "members.display", false),
        arguments(null, "members.value", true),
        arguments("urn:ietf:params:scim:schemas:core:2.0:Group:members", null, true));
  }

  @ParameterizedTest
  @MethodSource("subAttributeRows")
  void returnsSubAttributeTellsWhetherMembersDisplayIsAskedFor(
      String attributes, String excluded, boolean expected) {
    assertEquals(
        expected,
        AttributeProjection.returnsSubAttribute(
            "members", "display", list(attributes), list(excluded)));
  }
}
