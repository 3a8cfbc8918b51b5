package co.softdrive.scim.protocol.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import co.softdrive.scim.protocol.path.AttrPath;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterEvaluatorTest {
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
      return reader.readObject();
    }
  }

  /** One object with a value of every kind; single quotes stand for double quotes. */
  static final JsonObject USER =
      json(
          """
          {'userName': 'BJensen', 'type': 'work', 'Value': 'Bjensen@Example.com', 'primary': true,
           'active': false, 'count': 5, 'score': 2.50, 'employeeNumber': '0042',
           'created': '2024-01-02T03:04:05Z', 'label': 'beta',
           'tags': ['alpha', 'Beta'], 'name': {'givenName': 'Barbara', 'familyName': 'Jensen'},
           'emptyString': '', 'emptyArray': [], 'emptyObject': {}, 'nothing': null,
           'emails': [{'type': 'work', 'value': 'bjensen@example.com'},
                      {'type': 'home', 'value': 'babs@home.example', 'primary': true}],
           '%s': {'employeeNumber': '1234', 'manager': {'value': 'm-1'}}}
          """
              .formatted(ENTERPRISE));

  static Stream<Arguments> rows() {
    return Stream.of(
        // strings: case-insensitive by default, keys too
        arguments("userName eq \"bjensen\"", true),
        arguments("USERNAME eq \"BJENSEN\"", true),
        arguments("userName eq \"bjensenx\"", false),
        arguments("value co \"@EXAMPLE\"", true),
        arguments("value sw \"bjen\"", true),
        arguments("value sw \"jen\"", false),
        arguments("value ew \".COM\"", true),
        arguments("value ew \".org\"", false),
        arguments("userName ne \"bjensen\"", false),
        arguments("userName ne \"other\"", true),
        arguments("label gt \"alpha\"", true),
        arguments("label lt \"alpha\"", false),
        arguments("label ge \"BETA\"", true),
        arguments("label le \"beta\"", true),
        // booleans, including Entra's "True"
        arguments("primary eq true", true),
        arguments("primary eq \"True\"", true),
        arguments("primary eq \"true\"", true),
        arguments("primary eq \"False\"", false),
        arguments("active eq \"False\"", true),
        arguments("active eq false", true),
        arguments("primary ne \"True\"", false),
        arguments("primary gt false", false),
        // numbers
        arguments("count eq 5", true),
        arguments("count eq 5.0", true),
        arguments("count gt 4", true),
        arguments("count ge 5", true),
        arguments("count lt 5", false),
        arguments("count le 4.99", false),
        arguments("score eq 2.5", true),
        arguments("count eq \"5\"", true),
        arguments("employeeNumber eq 42", true),
        arguments("employeeNumber eq \"42\"", false),
        arguments("count co 5", false),
        // date-times compare as instants for ordering
        arguments("created gt \"2024-01-02T04:04:05+02:00\"", true),
        arguments("created lt \"2024-01-02T04:04:05+02:00\"", false),
        arguments("created ge \"2024-01-02T03:04:05.000Z\"", true),
        arguments("created le \"2024-01-02T03:04:04Z\"", false),
        // present
        arguments("userName pr", true),
        arguments("emptyString pr", false),
        arguments("emptyArray pr", false),
        arguments("emptyObject pr", false),
        arguments("nothing pr", false),
        arguments("missing pr", false),
        arguments("name.givenName pr", true),
        arguments("name.middleName pr", false),
        arguments("emails.primary pr", true),
        // missing attributes and null
        arguments("missing eq \"x\"", false),
        arguments("missing ne \"x\"", true),
        arguments("missing eq null", true),
        arguments("nothing eq null", true),
        arguments("userName eq null", false),
        arguments("userName ne null", true),
        // sub-attributes and multi-valued attributes
        arguments("name.familyName eq \"jensen\"", true),
        arguments("Name.GivenName sw \"bar\"", true),
        arguments("tags eq \"beta\"", true),
        arguments("tags eq \"gamma\"", false),
        arguments("tags ne \"beta\"", false),
        arguments("emails.type eq \"home\"", true),
        arguments("emails.type eq \"other\"", false),
        arguments("emails co \"@home\"", true),
        arguments("emails.value ew \"@nowhere\"", false),
        // value paths
        arguments("emails[type eq \"home\" and value co \"babs\"]", true),
        arguments("emails[type eq \"work\" and value co \"babs\"]", false),
        arguments("emails[type eq \"work\"].value eq \"BJENSEN@example.com\"", true),
        arguments("emails[primary eq \"True\"].type eq \"home\"", true),
        arguments("emails[not (type eq \"work\")]", true),
        arguments("tags[value eq \"x\"]", false),
        // extensions: under the URN key; a core URN falls back to the top level
        arguments(ENTERPRISE + ":employeeNumber eq \"1234\"", true),
        arguments(ENTERPRISE + ":employeeNumber eq \"0042\"", false),
        arguments(ENTERPRISE + ":manager.value eq \"M-1\"", true),
        arguments("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"bjensen\"", true),
        // logic
        arguments("type eq \"work\" and primary eq true", true),
        arguments("type eq \"home\" and primary eq true", false),
        arguments("type eq \"home\" or primary eq true", true),
        arguments("not (type eq \"home\")", true),
        arguments("not (type eq \"work\")", false));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void filterMatchesTheObjectAsTheRfcDefines(String filter, boolean expected) {
    assertEquals(expected, FilterEvaluator.matches(FilterParser.parse(filter), USER, null));
  }

  static Stream<Arguments> caseExactRows() {
    return Stream.of(
        arguments("userName eq \"bjensen\"", false),
        arguments("userName eq \"BJensen\"", true),
        arguments("userName sw \"bj\"", false),
        arguments("userName ne \"bjensen\"", true),
        arguments("value eq \"bjensen@example.com\"", true),
        arguments("emails[value eq \"BJENSEN@example.com\"]", false),
        arguments("emails[type eq \"WORK\"]", true));
  }

  @ParameterizedTest
  @MethodSource("caseExactRows")
  void caseExactAttributesCompareWithCase(String filter, boolean expected) {
    Predicate<AttrPath> exact =
        a -> a.matches("userName", null) || (a.matches("value", null) && a.schema() == null);
    JsonObject element =
        json(
            "{'userName': 'BJensen', 'value': 'bjensen@example.com',"
                + " 'emails': [{'type': 'work', 'value': 'bjensen@example.com'}]}");
    // "value" is exact at the top level; inside emails[...] the same relative name is exact too
    assertEquals(expected, FilterEvaluator.matches(FilterParser.parse(filter), element, exact));
  }
}
