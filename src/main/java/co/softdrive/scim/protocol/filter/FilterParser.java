package co.softdrive.scim.protocol.filter;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.path.AttrPath;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses SCIM filters (RFC 7644 §3.4.2.2) into the {@link Filter} AST, by recursive descent over
 * the grammar in {@code package-info.java}: one method per rule, each quoting its production.
 *
 * <p>Besides the RFC it accepts two forms that Microsoft Entra sends: {@code emails[type eq
 * "work"].value eq "x"} (read as {@code emails[type eq "work" and value eq "x"]}) and unquoted
 * values such as {@code externalId eq jyoung} (read as strings).
 *
 * <p>Errors are {@link ScimBadRequest#invalidFilter} with the 0-based position of the problem.
 * Input is bounded by the {@link Limits} given: {@link Limits#filterLength()} (or {@link
 * Limits#pathLength()} for a path), {@link Limits#filterDepth()} (parentheses, {@code not ( )} and
 * value paths {@code [ ]}) and {@link Limits#filterOperands()} ({@code attr op value} and {@code
 * attr pr} expressions).
 *
 * <p>Its length is the grammar: one short method per production, kept together so the parser reads
 * like the RFC's ABNF.
 */
public final class FilterParser {
  /** The last segment of a schema URN is a version ({@code ...:enterprise:2.0}), not a type. */
  private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*");

  private final FilterLexer lexer;
  private final String what;
  private final int maxDepth;
  private final int maxOperands;
  private int depth;
  private int operands;
  private boolean inValuePath;

  private FilterParser(
      String text, Function<String, ScimBadRequest> errors, String what, Limits limits) {
    this.lexer = new FilterLexer(text, errors);
    this.what = what;
    this.maxDepth = limits.filterDepth();
    this.maxOperands = limits.filterOperands();
  }

  /** Parses a complete filter within the default limits (tests and tools). */
  public static Filter parse(String text) {
    return parse(text, Limits.defaults());
  }

  /**
   * Parses a complete filter.
   *
   * @throws ScimBadRequest {@code invalidFilter} when the text is empty, too long, too deep, has
   *     too many operands or is not a filter
   */
  public static Filter parse(String text, Limits limits) {
    FilterParser parser = new FilterParser(text, ScimBadRequest::invalidFilter, "filter", limits);
    parser.checkInput(text, limits.filterLength());
    Filter filter = parser.filter();
    parser.expectEnd();
    return filter;
  }

  /**
   * Parses a PATCH path with this parser's attribute-path and value-filter rules; {@code
   * path.PathParser#parse} is the entry point to use, this method exists so that both share one
   * lexer and one grammar.
   *
   * @param text the path
   * @param limits {@link Limits#pathLength()}, and the filter depth and operands for a value path
   * @throws ScimBadRequest {@code invalidPath} with the position of the problem
   */
  public static PatchPath parsePatchPath(String text, Limits limits) {
    FilterParser parser = new FilterParser(text, ScimBadRequest::invalidPath, "path", limits);
    parser.checkInput(text, limits.pathLength());
    PatchPath path = parser.path();
    parser.expectEnd();
    return path;
  }

  private void checkInput(String text, int maxLength) {
    if (text == null || text.isBlank()) {
      throw lexer.error("expected a " + what + ", got an empty one", 0);
    }
    if (text.length() > maxLength) {
      throw lexer.error(
          what + " is " + text.length() + " characters long; the limit is " + maxLength);
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      // No stored value can hold it (PostgreSQL refuses it in text): found by HttpEdgeFuzzIT as a
      // 500.
      throw lexer.error(what + " holds the NUL character (U+0000)", nul);
    }
  }

  private void expectEnd() {
    lexer.skipSpace();
    if (!lexer.atEnd()) {
      String expected =
          what.equals("filter") ? "expected 'and', 'or' or the end" : "expected the end";
      throw lexer.error(expected + " of the " + what, lexer.position());
    }
  }

  /**
   * {@code PATH = attrPath / valuePath [subAttr] / schemaURN}; a bare schema URN selects a whole
   * extension and becomes {@code AttrPath(urn, "", null)}.
   */
  private PatchPath path() {
    int start = lexer.position();
    AttrPath attr = attrPath(true);
    if (attr.attribute().isEmpty()) {
      return PatchPath.of(attr);
    }
    int bracket = lexer.position();
    if (!lexer.acceptImmediate('[')) {
      return PatchPath.of(attr);
    }
    Filter filter = valueFilter(attr, start, bracket);
    String sub = null;
    if (lexer.acceptImmediate('.')) {
      int subStart = lexer.position();
      sub = name(lexer.attrPathToken(), subStart, true);
    }
    return new PatchPath(attr, filter, sub);
  }

  /** {@code FILTER = orExp}. */
  private Filter filter() {
    return orExp();
  }

  /** {@code orExp = andExp *( SP "or" SP andExp )}: left-associative. */
  private Filter orExp() {
    Filter left = andExp();
    while (lexer.acceptKeyword("or")) {
      left = new Filter.Or(left, andExp());
    }
    return left;
  }

  /** {@code andExp = unary *( SP "and" SP unary )}: left-associative, binds tighter than or. */
  private Filter andExp() {
    Filter left = unary();
    while (lexer.acceptKeyword("and")) {
      left = new Filter.And(left, unary());
    }
    return left;
  }

  /** {@code unary = "not" [SP] "(" FILTER ")" / "(" FILTER ")" / attrExp / valuePath}. */
  private Filter unary() {
    lexer.skipSpace();
    int start = lexer.position();
    if (lexer.lookingAtNotParen()) {
      lexer.acceptKeyword("not");
      lexer.accept('(');
      return new Filter.Not(group(start));
    }
    if (lexer.accept('(')) {
      return group(start);
    }
    return attrExpOrValuePath();
  }

  /** The inside of {@code "(" FILTER ")"}, after the opening parenthesis. */
  private Filter group(int start) {
    enter(start);
    Filter inner = filter();
    if (!lexer.accept(')')) {
      throw lexer.error("expected 'and', 'or' or ')'", lexer.position());
    }
    depth--;
    return inner;
  }

  /**
   * {@code attrExp = attrPath SP "pr" / attrPath SP compareOp SP compValue} or {@code valuePath =
   * attrPath "[" valFilter "]" [ "." subAttr SP compareOp SP compValue ]} (the tail is Entra's).
   */
  private Filter attrExpOrValuePath() {
    int start = lexer.position();
    AttrPath attr = attrPath(false);
    int bracket = lexer.position();
    if (!lexer.acceptImmediate('[')) {
      return attrExp(attr, start);
    }
    Filter inner = valueFilter(attr, start, bracket);
    if (!lexer.acceptImmediate('.')) {
      return new Filter.ValuePath(attr, inner);
    }
    // Entra: emails[type eq "work"].value eq "x" means emails[type eq "work" and value eq "x"].
    int subStart = lexer.position();
    String sub = name(lexer.attrPathToken(), subStart, true);
    Filter tail = attrExp(AttrPath.of(sub), subStart);
    return new Filter.ValuePath(attr, new Filter.And(inner, tail));
  }

  /** {@code "[" valFilter "]"} after {@code attr}, with the opening bracket already consumed. */
  private Filter valueFilter(AttrPath attr, int start, int bracket) {
    if (inValuePath) {
      throw lexer.error("expected no value path inside a value path", start);
    }
    if (attr.hasSubAttribute() || attr.attribute().isEmpty()) {
      throw lexer.error(
          "expected a value filter after an attribute without sub-attribute", bracket);
    }
    enter(bracket);
    inValuePath = true;
    Filter inner = filter();
    if (!lexer.accept(']')) {
      throw lexer.error("expected 'and', 'or' or ']'", lexer.position());
    }
    inValuePath = false;
    depth--;
    return inner;
  }

  /** {@code attrExp = attrPath SP "pr" / attrPath SP compareOp SP compValue}, after attrPath. */
  private Filter attrExp(AttrPath attr, int start) {
    if (++operands > maxOperands) {
      throw lexer.error(
          "expected at most " + maxOperands + " attribute expressions in a " + what, start);
    }
    lexer.skipSpace();
    int opStart = lexer.position();
    String word = lexer.letters().toLowerCase(Locale.ROOT);
    if (word.equals("pr")) {
      return new Filter.Present(attr);
    }
    CompareOp op = compareOp(word);
    if (op == null) {
      lexer.reset(opStart);
      if (attr.equals(AttrPath.of("not"))) {
        throw lexer.error("expected '(' after 'not'", opStart);
      }
      throw lexer.error("expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)", opStart);
    }
    JsonValue value = lexer.compValue(word);
    return new Filter.Compare(attr, op, value);
  }

  /** {@code compareOp = "eq" / "ne" / "co" / "sw" / "ew" / "gt" / "lt" / "ge" / "le"}. */
  private static CompareOp compareOp(String word) {
    return switch (word) {
      case "eq" -> CompareOp.EQ;
      case "ne" -> CompareOp.NE;
      case "co" -> CompareOp.CO;
      case "sw" -> CompareOp.SW;
      case "ew" -> CompareOp.EW;
      case "gt" -> CompareOp.GT;
      case "ge" -> CompareOp.GE;
      case "lt" -> CompareOp.LT;
      case "le" -> CompareOp.LE;
      default -> null;
    };
  }

  /**
   * {@code attrPath = [URI ":"] ATTRNAME *1subAttr}. The schema is everything up to the last colon.
   * When {@code wholeSchema} is allowed, a URN whose second-to-last segment is a version ({@code
   * urn:...:enterprise:2.0:User}) names a whole extension: {@code AttrPath(urn, "", null)}.
   */
  private AttrPath attrPath(boolean wholeSchema) {
    lexer.skipSpace();
    int start = lexer.position();
    String token = lexer.attrPathToken();
    int colon = token.lastIndexOf(':');
    String schema = null;
    String rest = token;
    int restStart = start;
    if (colon >= 0) {
      schema = token.substring(0, colon);
      rest = token.substring(colon + 1);
      restStart = start + colon + 1;
      if (schema.isEmpty() || !FilterLexer.isAlpha(schema.charAt(0))) {
        throw lexer.error("expected a schema URN", start);
      }
      if (rest.indexOf('.') < 0 && isVersion(schema.substring(schema.lastIndexOf(':') + 1))) {
        if (wholeSchema) {
          return new AttrPath(token, "", null);
        }
        throw lexer.error(
            "expected an attribute name after the schema URN", start + token.length());
      }
    }
    int dot = rest.indexOf('.');
    String attribute = name(dot < 0 ? rest : rest.substring(0, dot), restStart, false);
    if (dot < 0) {
      return new AttrPath(schema, attribute, null);
    }
    String sub = name(rest.substring(dot + 1), restStart + dot + 1, true);
    return new AttrPath(schema, attribute, sub);
  }

  private static boolean isVersion(String segment) {
    return VERSION.matcher(segment).matches();
  }

  /**
   * {@code ATTRNAME = ALPHA *(nameChar)} or {@code $ref}; {@code subAttr = "." ATTRNAME}. Returns
   * {@code candidate} as written, or throws with the position of its first bad character.
   */
  private String name(String candidate, int start, boolean sub) {
    String kind = sub ? "a sub-attribute name" : "an attribute name";
    if (candidate.equalsIgnoreCase("$ref")) {
      return candidate;
    }
    if (candidate.isEmpty() || !FilterLexer.isAlpha(candidate.charAt(0))) {
      throw lexer.error("expected " + kind, start);
    }
    for (int i = 1; i < candidate.length(); i++) {
      if (!FilterLexer.isNameChar(candidate.charAt(i))) {
        String detail =
            candidate.charAt(i) == '.' ? "expected at most one sub-attribute" : "expected " + kind;
        throw lexer.error(detail, start + i);
      }
    }
    return candidate;
  }

  private void enter(int position) {
    if (++depth > maxDepth) {
      throw lexer.error("expected at most " + maxDepth + " levels of nesting", position);
    }
  }
}
