package co.softdrive.scim.protocol.filter;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The character cursor under {@link FilterParser}: it reads one token of the kind the parser asks
 * for (an attribute path, a keyword, a comparison value) and knows where it is, so that every error
 * names a 0-based position. Shared by filters and PATCH paths; only the error factory differs.
 *
 * <p>Tokens are read on demand rather than up front because SCIM filter tokens depend on context:
 * {@code 2.0} is part of an attribute path in {@code urn:...:2.0:User:employeeNumber} but a number
 * after {@code eq}.
 */
final class FilterLexer {
  /** {@code number = [ "-" ] int [ frac ] [ exp ]} as in RFC 8259 §6. */
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

  private final String text;
  private final Function<String, ScimBadRequest> errors;
  private int pos;

  FilterLexer(String text, Function<String, ScimBadRequest> errors) {
    this.text = text;
    this.errors = errors;
  }

  int position() {
    return pos;
  }

  /** An error whose detail ends with {@code at position N}. */
  ScimBadRequest error(String expected, int position) {
    return errors.apply(expected + " at position " + position);
  }

  /** An error without a position (for limits that concern the whole input). */
  ScimBadRequest error(String detail) {
    return errors.apply(detail);
  }

  /** Skips a run of spaces and tabs ({@code +} in a query string is already a space here). */
  void skipSpace() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  /** Consumes {@code c} if it is the very next character (no whitespace skipped). */
  boolean acceptImmediate(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /** Skips whitespace, then consumes {@code c} if it comes next. */
  boolean accept(char c) {
    skipSpace();
    return acceptImmediate(c);
  }

  /**
   * Skips whitespace, then consumes the case-insensitive word {@code keyword} if it comes next and
   * is not the start of a longer name ({@code order} is not {@code or}).
   */
  boolean acceptKeyword(String keyword) {
    skipSpace();
    if (!lookingAtWord(pos, keyword)) {
      return false;
    }
    pos += keyword.length();
    return true;
  }

  /** Whether {@code not} followed by optional whitespace and {@code (} comes next. */
  boolean lookingAtNotParen() {
    skipSpace();
    if (!lookingAtWord(pos, "not")) {
      return false;
    }
    int i = pos + 3;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '(';
  }

  private boolean lookingAtWord(int at, String word) {
    int end = at + word.length();
    return end <= text.length()
        && text.regionMatches(true, at, word, 0, word.length())
        && (end == text.length() || !isWordChar(text.charAt(end)));
  }

  /**
   * Reads a run of the characters an attribute path may contain ({@code ALPHA DIGIT - _ . : $}),
   * possibly empty. {@link FilterParser} splits and validates it.
   */
  String attrPathToken() {
    int start = pos;
    while (pos < text.length() && isPathChar(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  /** Reads a run of letters (an operator candidate such as {@code eq} or {@code pr}). */
  String letters() {
    skipSpace();
    int start = pos;
    while (pos < text.length() && isAlpha(text.charAt(pos))) {
      pos++;
    }
    if (pos < text.length() && isWordChar(text.charAt(pos))) {
      pos = start; // "eq1" is a name, not an operator
      return "";
    }
    return text.substring(start, pos);
  }

  /** Rewinds to {@code position}, which must be one this lexer has been at. */
  void reset(int position) {
    pos = position;
  }

  /**
   * Reads {@code compValue = false / null / true / number / string} after the operator named {@code
   * after}. A bare token that is none of the literals is taken as a string, because Entra sends
   * {@code externalId eq jyoung} and {@code id eq 54D382A4-2050-...}.
   */
  JsonValue compValue(String after) {
    skipSpace();
    int start = pos;
    if (start < text.length() && text.charAt(start) == '"') {
      return JSON.createValue(jsonString());
    }
    while (pos < text.length() && isBareChar(text.charAt(pos))) {
      pos++;
    }
    String bare = text.substring(start, pos);
    String lower = bare.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "":
      case "and":
      case "or":
      case "not":
        pos = start;
        throw error("expected a value after '" + after + "'", start);
      case "true":
        return JsonValue.TRUE;
      case "false":
        return JsonValue.FALSE;
      case "null":
        return JsonValue.NULL;
      default:
        break;
    }
    if (NUMBER.matcher(bare).matches()) {
      try {
        return number(bare);
      } catch (NumberFormatException | ArithmeticException e) {
        throw error("number out of range", start);
      }
    }
    return JSON.createValue(bare);
  }

  private static JsonValue number(String literal) {
    if (INTEGER.matcher(literal).matches()) {
      BigInteger big = new BigInteger(literal);
      return big.bitLength() < 64 ? JSON.createValue(big.longValue()) : JSON.createValue(big);
    }
    BigDecimal decimal = new BigDecimal(literal);
    if (decimal.scale() < -100_000 || decimal.scale() > 100_000) {
      throw new ArithmeticException("scale"); // 1e999999999 would cost memory to compare later
    }
    return JSON.createValue(decimal);
  }

  /** Reads a JSON string (RFC 8259 §7) starting at the opening quote; returns its value. */
  private String jsonString() {
    int start = pos;
    pos++; // opening quote
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return value.toString();
      }
      if (c < 0x20) {
        throw error("expected a control character to be escaped in the string", pos);
      }
      if (c != '\\') {
        value.append(c);
        pos++;
        continue;
      }
      int escape = pos;
      pos++;
      if (pos >= text.length()) {
        break;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"' -> value.append('"');
        case '\\' -> value.append('\\');
        case '/' -> value.append('/');
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> value.append(unicodeEscape(escape));
        default -> throw error("expected a JSON escape sequence", escape);
      }
    }
    throw error("expected '\"' to close the string that starts", start);
  }

  private char unicodeEscape(int escape) {
    if (pos + 4 > text.length()) {
      throw error("expected four hex digits after '\\u'", escape);
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0) {
        throw error("expected four hex digits after '\\u'", escape);
      }
      code = code * 16 + digit;
    }
    pos += 4;
    return (char) code;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code nameChar = "-" / "_" / DIGIT / ALPHA}. */
  static boolean isNameChar(char c) {
    return isAlpha(c) || isDigit(c) || c == '-' || c == '_';
  }

  private static boolean isWordChar(char c) {
    return isAlpha(c) || isDigit(c) || c == '_' || c == '$' || c == '.' || c == ':';
  }

  private static boolean isPathChar(char c) {
    return isNameChar(c) || c == '.' || c == ':' || c == '$';
  }

  private static boolean isBareChar(char c) {
    return !isSpace(c) && c != '(' && c != ')' && c != '[' && c != ']' && c != '"';
  }
}
