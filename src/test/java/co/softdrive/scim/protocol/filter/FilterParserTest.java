package co.softdrive.scim.protocol.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.limits.TestLimits;
import co.softdrive.scim.protocol.path.AttrPath;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  // --- tiny AST builders -------------------------------------------------------------------

  static AttrPath attr(String path) {
    int dot = path.indexOf('.');
    return dot < 0
        ? AttrPath.of(path)
        : AttrPath.of(path.substring(0, dot), path.substring(dot + 1));
  }

  static Filter cmp(String path, CompareOp op, JsonValue value) {
    return new Filter.Compare(attr(path), op, value);
  }

  static Filter eq(String path, String value) {
    return cmp(path, CompareOp.EQ, Json.createValue(value));
  }

  static Filter eq(String path, JsonValue value) {
    return cmp(path, CompareOp.EQ, value);
  }

  static Filter op(String path, CompareOp op, String value) {
    return cmp(path, op, Json.createValue(value));
  }

  static Filter pr(String path) {
    return new Filter.Present(attr(path));
  }

  static Filter and(Filter l, Filter r) {
    return new Filter.And(l, r);
  }

  static Filter or(Filter l, Filter r) {
    return new Filter.Or(l, r);
  }

  static Filter not(Filter f) {
    return new Filter.Not(f);
  }

  static Filter vp(String path, Filter f) {
    return new Filter.ValuePath(attr(path), f);
  }

  static JsonValue num(String literal) {
    return Json.createValue(new BigDecimal(literal));
  }

  // --- valid filters ----------------------------------------------------------------------

  static Stream<Arguments> validFilters() {
    return Stream.of(
        arguments("userName eq \"bjensen\"", eq("userName", "bjensen")),
        arguments("userName Eq \"bjensen\"", eq("userName", "bjensen")),
        arguments(
            "name.familyName co \"O'Malley\"", op("name.familyName", CompareOp.CO, "O'Malley")),
        arguments("userName sw \"J\"", op("userName", CompareOp.SW, "J")),
        arguments("userName ew \"n\"", op("userName", CompareOp.EW, "n")),
        arguments("userName ne \"n\"", op("userName", CompareOp.NE, "n")),
        arguments(
            "meta.lastModified gt \"2011-05-13T04:42:34Z\"",
            op("meta.lastModified", CompareOp.GT, "2011-05-13T04:42:34Z")),
        arguments("meta.lastModified GE \"2011\"", op("meta.lastModified", CompareOp.GE, "2011")),
        arguments("meta.lastModified lt \"2011\"", op("meta.lastModified", CompareOp.LT, "2011")),
        arguments("meta.lastModified le \"2011\"", op("meta.lastModified", CompareOp.LE, "2011")),
        arguments("title pr", pr("title")),
        arguments("title PR", pr("title")),
        arguments("members.$ref pr", pr("members.$ref")),
        arguments("$ref eq \"x\"", eq("$ref", "x")),
        arguments("x-custom_1 eq \"x\"", eq("x-custom_1", "x")),
        arguments("active eq true", eq("active", JsonValue.TRUE)),
        arguments("active eq TRUE", eq("active", JsonValue.TRUE)),
        arguments("active eq False", eq("active", JsonValue.FALSE)),
        arguments("manager eq null", eq("manager", JsonValue.NULL)),
        arguments("count eq 42", eq("count", num("42"))),
        arguments("count eq -7", eq("count", num("-7"))),
        arguments("score gt 1.5", cmp("score", CompareOp.GT, num("1.5"))),
        arguments("score lt 2.5e3", cmp("score", CompareOp.LT, num("2.5e3"))),
        arguments("score lt 1E-2", cmp("score", CompareOp.LT, num("1E-2"))),
        arguments("userName eq \"a\\\"b\"", eq("userName", "a\"b")),
        arguments("userName eq \"\\u00e9t\\u00C9\"", eq("userName", "\u00e9t\u00c9")),
        arguments("userName eq \"\\\\ \\/ \\n\\t\"", eq("userName", "\\ / \n\t")),
        arguments("userName eq \"\"", eq("userName", "")),
        arguments("userName eq \"a b  and or\"", eq("userName", "a b  and or")),
        arguments("\tuserName \t eq   \"x\"  ", eq("userName", "x")),
        arguments("userName eq \"x\"and(title pr)", and(eq("userName", "x"), pr("title"))),
        arguments(
            "title pr and userType eq \"Employee\"", and(pr("title"), eq("userType", "Employee"))),
        arguments("title pr or userType eq \"Intern\"", or(pr("title"), eq("userType", "Intern"))),
        arguments("not (title pr)", not(pr("title"))),
        arguments("NOT(title pr)", not(pr("title"))),
        arguments("notes pr", pr("notes")),
        arguments("((title pr))", pr("title")),
        arguments(
            "emails[type eq \"work\" and value co \"@contoso\"]",
            vp("emails", and(eq("type", "work"), op("value", CompareOp.CO, "@contoso")))),
        arguments("emails[not (type eq \"work\")]", vp("emails", not(eq("type", "work")))),
        arguments(
            "userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
            and(
                eq("userType", "Employee"),
                vp("emails", and(eq("type", "work"), op("value", CompareOp.CO, "@example.com"))))),
        arguments(
            "emails[type eq \"work\"] or ims[type eq \"xmpp\"]",
            or(vp("emails", eq("type", "work")), vp("ims", eq("type", "xmpp")))),
        arguments(
            ENTERPRISE + ":manager.value eq \"26118915\"",
            new Filter.Compare(
                new AttrPath(ENTERPRISE, "manager", "value"),
                CompareOp.EQ,
                Json.createValue("26118915"))),
        arguments(
            "urn:ietf:params:scim:schemas:core:2.0:User:name.givenName pr",
            new Filter.Present(
                new AttrPath("urn:ietf:params:scim:schemas:core:2.0:User", "name", "givenName"))),
        arguments(
            "urn:acme:custom:costCenter eq \"x\"",
            new Filter.Compare(
                new AttrPath("urn:acme:custom", "costCenter", null),
                CompareOp.EQ,
                Json.createValue("x"))));
  }

  @ParameterizedTest
  @MethodSource("validFilters")
  void validFilterParsesToTheExpectedTree(String text, Filter expected) {
    assertEquals(expected, FilterParser.parse(text));
  }

  // --- precedence ---------------------------------------------------------------------------

  static Stream<Arguments> precedence() {
    Filter a = pr("a");
    Filter b = pr("b");
    Filter c = pr("c");
    Filter d = pr("d");
    return Stream.of(
        arguments("a pr or b pr and c pr", or(a, and(b, c))),
        arguments("a pr and b pr or c pr", or(and(a, b), c)),
        arguments("a pr and b pr and c pr", and(and(a, b), c)),
        arguments("a pr or b pr or c pr", or(or(a, b), c)),
        arguments("(a pr or b pr) and c pr", and(or(a, b), c)),
        arguments("a pr and (b pr or c pr)", and(a, or(b, c))),
        arguments("not (a pr) and b pr", and(not(a), b)),
        arguments("not (a pr or b pr) or c pr and d pr", or(not(or(a, b)), and(c, d))),
        arguments("a pr OR b pr AnD c pr", or(a, and(b, c))));
  }

  @ParameterizedTest
  @MethodSource("precedence")
  void notBindsTighterThanAndWhichBindsTighterThanOr(String text, Filter expected) {
    assertEquals(expected, FilterParser.parse(text));
  }

  // --- what Entra sends ---------------------------------------------------------------------

  static Stream<Arguments> entraFilters() {
    return Stream.of(
        arguments(
            "userName eq \"Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee\"",
            eq("userName", "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee")),
        arguments(
            "externalId eq \"2a69c9a6-1708-45b7-acbe-a7b4c8fb102a\"",
            eq("externalId", "2a69c9a6-1708-45b7-acbe-a7b4c8fb102a")),
        arguments(
            "emails[type eq \"work\"].value eq \"user@contoso.com\"",
            vp("emails", and(eq("type", "work"), eq("value", "user@contoso.com")))),
        arguments(
            "emails[type eq \"work\"].value pr",
            vp("emails", and(eq("type", "work"), pr("value")))),
        arguments(
            ENTERPRISE + ":employeeNumber eq \"1234567\"",
            new Filter.Compare(
                new AttrPath(ENTERPRISE, "employeeNumber", null),
                CompareOp.EQ,
                Json.createValue("1234567"))),
        arguments("externalId eq jyoung", eq("externalId", "jyoung")),
        arguments(
            "id eq 54D382A4-2050-4C03-94D1-E769F1D15682 and manager eq 2819c223-7f76-453a-919d-413861904646",
            and(
                eq("id", "54D382A4-2050-4C03-94D1-E769F1D15682"),
                eq("manager", "2819c223-7f76-453a-919d-413861904646"))),
        arguments("employeeNumber eq 0123", eq("employeeNumber", "0123")),
        arguments("(externalId eq jyoung)", eq("externalId", "jyoung")),
        arguments("displayName eq \"x\"", eq("displayName", "x")));
  }

  @ParameterizedTest
  @MethodSource("entraFilters")
  void entraFilterParsesToTheExpectedTree(String text, Filter expected) {
    assertEquals(expected, FilterParser.parse(text));
  }

  // --- invalid filters ----------------------------------------------------------------------

  static Stream<Arguments> invalidFilters() {
    return Stream.of(
        arguments("", 0, "expected a filter"),
        arguments("   ", 0, "expected a filter"),
        arguments("userName eq", 11, "expected a value after 'eq'"),
        arguments("userName eq ", 12, "expected a value after 'eq'"),
        arguments("userName eq )", 12, "expected a value after 'eq'"),
        arguments("userName eq and title pr", 12, "expected a value after 'eq'"),
        arguments("userName", 8, "expected an operator"),
        arguments("userName xx \"a\"", 9, "expected an operator"),
        arguments("userName eq1 \"a\"", 9, "expected an operator"),
        arguments("userName eq \"abc", 12, "expected '\"' to close the string"),
        arguments("userName eq \"a\\qb\"", 14, "expected a JSON escape sequence"),
        arguments("userName eq \"\\u12\"", 13, "expected four hex digits"),
        arguments("userName eq \"x\" title pr", 16, "expected 'and', 'or' or the end"),
        arguments("userName eq \"x\" and", 19, "expected an attribute name"),
        arguments("userName eq \"x\" or or", 21, "expected an operator"),
        arguments("(userName eq \"x\"", 16, "expected 'and', 'or' or ')'"),
        arguments("userName eq \"x\")", 15, "expected 'and', 'or' or the end"),
        arguments("()", 1, "expected an attribute name"),
        arguments("not title pr", 4, "expected '(' after 'not'"),
        arguments("not (title pr", 13, "expected 'and', 'or' or ')'"),
        arguments("1abc eq \"x\"", 0, "expected an attribute name"),
        arguments("na$me eq \"x\"", 2, "expected an attribute name"),
        arguments("name. eq \"x\"", 5, "expected a sub-attribute name"),
        arguments("name.given.x eq \"x\"", 10, "expected at most one sub-attribute"),
        arguments(":name eq \"x\"", 0, "expected a schema URN"),
        arguments("urn:x: eq \"x\"", 6, "expected an attribute name"),
        arguments(
            ENTERPRISE + " pr",
            ENTERPRISE.length(),
            "expected an attribute name after the schema URN"),
        arguments("emails[type eq \"work\"", 21, "expected 'and', 'or' or ']'"),
        arguments("emails[]", 7, "expected an attribute name"),
        arguments("emails [type eq \"work\"]", 7, "expected an operator"),
        arguments("emails[type eq \"work\"].", 23, "expected a sub-attribute name"),
        arguments("emails[type eq \"work\"].value", 28, "expected an operator"),
        arguments(
            "name.givenName[type eq \"work\"]",
            14,
            "expected a value filter after an attribute without sub-attribute"),
        arguments(
            "emails[type eq \"work\" and addresses[type eq \"x\"]]",
            26,
            "expected no value path inside a value path"),
        arguments("userName eq \"a\nb\"", 14, "expected a control character to be escaped"),
        arguments("userName\neq \"x\"", 8, "expected an operator"),
        arguments("score gt 1e999999", 9, "number out of range"));
  }

  @ParameterizedTest
  @MethodSource("invalidFilters")
  void invalidFilterIsRejectedWithThePositionOfTheProblem(
      String text, int position, String expected) {
    ScimBadRequest e = assertThrows(ScimBadRequest.class, () -> FilterParser.parse(text));
    assertEquals("invalidFilter", e.scimType().orElseThrow());
    assertEquals(400, e.status());
    assertTrue(e.detail().startsWith(expected), () -> e.detail());
    assertTrue(e.detail().endsWith(" at position " + position), () -> e.detail());
  }

  @Test
  void nullFilterIsRejectedAsEmpty() {
    ScimBadRequest e = assertThrows(ScimBadRequest.class, () -> FilterParser.parse(null));
    assertEquals("invalidFilter", e.scimType().orElseThrow());
  }

  // --- limits -------------------------------------------------------------------------------

  static String ofLength(int length) {
    String prefix = "userName eq \"";
    return prefix + "x".repeat(length - prefix.length() - 1) + "\"";
  }

  static String nested(int depth) {
    return "(".repeat(depth) + "title pr" + ")".repeat(depth);
  }

  static String nestedNots(int depth) {
    return "not (".repeat(depth) + "title pr" + ")".repeat(depth);
  }

  static String operands(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "a" + i + " pr")
        .collect(Collectors.joining(" or "));
  }

  static Stream<Arguments> withinLimits() {
    return Stream.of(
        arguments(ofLength(Limits.defaults().filterLength())),
        arguments(nested(Limits.defaults().filterDepth())),
        arguments(nestedNots(Limits.defaults().filterDepth())),
        arguments(
            nested(Limits.defaults().filterDepth() - 1)
                .replace("title pr", "emails[type eq \"w\"]")),
        arguments(operands(Limits.defaults().filterOperands())));
  }

  static Stream<Arguments> beyondLimits() {
    return Stream.of(
        arguments(
            ofLength(Limits.defaults().filterLength() + 1),
            "limit is " + Limits.defaults().filterLength()),
        arguments(nested(Limits.defaults().filterDepth() + 1), "levels of nesting"),
        arguments(nestedNots(Limits.defaults().filterDepth() + 1), "levels of nesting"),
        arguments(
            nested(Limits.defaults().filterDepth()).replace("title pr", "emails[type eq \"w\"]"),
            "levels of nesting"),
        arguments(operands(Limits.defaults().filterOperands() + 1), "attribute expressions"),
        arguments(
            "emails[type eq \"w\"].value eq \"x\" or "
                + operands(Limits.defaults().filterOperands() - 1),
            "attribute expressions"));
  }

  @ParameterizedTest
  @MethodSource("withinLimits")
  void filterAtTheLimitIsAccepted(String text) {
    FilterParser.parse(text);
  }

  @ParameterizedTest
  @MethodSource("beyondLimits")
  void filterBeyondALimitIsRejected(String text, String expected) {
    ScimBadRequest e = assertThrows(ScimBadRequest.class, () -> FilterParser.parse(text));
    assertEquals("invalidFilter", e.scimType().orElseThrow());
    assertTrue(e.detail().contains(expected), () -> e.detail());
  }

  @Test
  void limitsHaveTheDocumentedValues() {
    assertEquals(4096, Limits.defaults().filterLength());
    assertEquals(16, Limits.defaults().filterDepth());
    assertEquals(64, Limits.defaults().filterOperands());
  }

  @Test
  void configuredLimitsReplaceTheDefaults() {
    Limits small = TestLimits.with("filter-length", 20, "filter-depth", 2, "filter-operands", 3);
    FilterParser.parse("a pr or b pr or c pr", small);
    FilterParser.parse("((title pr))", small);
    assertLimit(() -> FilterParser.parse("a pr or b pr or c pr ", small), "limit is 20");
    assertLimit(() -> FilterParser.parse("(((title pr)))", small), "at most 2 levels of nesting");
    assertLimit(
        () -> FilterParser.parse("a pr or b pr or c pr", TestLimits.with("filter-operands", 2)),
        "at most 2 attribute expressions");
  }

  private static void assertLimit(
      org.junit.jupiter.api.function.Executable parse, String expected) {
    ScimBadRequest e = assertThrows(ScimBadRequest.class, parse);
    assertEquals("invalidFilter", e.scimType().orElseThrow());
    assertTrue(e.detail().contains(expected), e::detail);
  }

  @Test
  void aNulCharacterIsRefusedAsInvalidFilter() {
    ScimBadRequest e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ScimBadRequest.class, () -> FilterParser.parse("externalId eq \"jy-\u0000oung\""));
    org.junit.jupiter.api.Assertions.assertEquals("invalidFilter", e.scimType().orElseThrow());
  }
}
