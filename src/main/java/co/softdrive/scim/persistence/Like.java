package co.softdrive.scim.persistence;

import java.util.Locale;

/**
 * LIKE patterns of the read models' searches, with {@code !} as the escape character ({@code ESCAPE
 * '!'} in the query), so user input never acts as a wildcard.
 */
final class Like {
  private Like() {}

  /** Lower-cased input anywhere in the value; {@code %} for no input. */
  static String contains(String search) {
    String s = clean(search);
    return s.isEmpty() ? "%" : "%" + s + "%";
  }

  /** Lower-cased input at the start of the value (can use an index); {@code %} for no input. */
  static String startsWith(String search) {
    return clean(search) + "%";
  }

  /** The input as given (case kept) at the start of the value. */
  static String startsWithExact(String search) {
    return escape(search == null ? "" : search.strip()) + "%";
  }

  private static String clean(String search) {
    return search == null ? "" : escape(search.strip().toLowerCase(Locale.ROOT));
  }

  static String escape(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
