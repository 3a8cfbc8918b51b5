package co.softdrive.scim.persistence;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The comparison key of a user's {@code userName} and a group's {@code displayName}: two names are
 * the same name when their keys are equal. The key is stored beside the name, in the columns the
 * unique constraints and the {@code eq}/{@code sw}/{@code co}/{@code ew} filters use; the name
 * itself is stored and returned exactly as the client sent it.
 *
 * <p>The rule, a simplified form of PRECIS {@code UsernameCaseMapped} (RFC 8265 §3.3) that keeps
 * every character instead of rejecting some:
 *
 * <pre>
 *   key(name) = NFKC( lower( upper( lower( NFKC(name) ) ) ) with every U+03C2 'ς' made U+03C3 'σ' )
 *   lower/upper = String.toLowerCase/toUpperCase(Locale.ROOT); the result is cut to 512 chars
 * </pre>
 *
 * <ul>
 *   <li>NFKC (compatibility composition) first: {@code café} written as {@code e} + U+0301 equals
 *       the precomposed {@code é}; fullwidth {@code ａdmin} equals {@code admin}; the ligature
 *       {@code ﬁ} equals {@code fi}.
 *   <li>Then a full case fold. Java has no case-fold API, so lower, upper, lower: upper-casing
 *       expands {@code ß} and {@code ẞ} to {@code SS} (the first lower-casing brings {@code ẞ}
 *       there), and lower-casing the result removes case. {@code String.toLowerCase} spells a sigma
 *       at the end of a word {@code ς}; the key uses {@code σ} everywhere, so that a key never
 *       depends on a neighbouring letter ({@code sw}/{@code co} filters compare fragments).
 *   <li>NFKC again: case mapping can leave a decomposed sequence ({@code ǰ} upper-cases to {@code
 *       J} + U+030C).
 *   <li>Whitespace, punctuation and every other character are kept; nothing is rejected.
 *   <li>Keys longer than {@value #MAX_LENGTH} UTF-16 units (only names near the 512-character limit
 *       made of characters that NFKC expands, such as U+FDFA) are cut there, never inside a
 *       surrogate pair: such names compare on their first {@value #MAX_LENGTH} key characters.
 * </ul>
 *
 * <p>Filters: {@code eq}, {@code ne}, {@code gt}, ... compare the key of the filter value with the
 * stored keys. {@code sw}, {@code co} and {@code ew} match the key of the fragment inside the
 * stored keys, which is what a reader expects except for a fragment that starts or ends inside a
 * sequence NFKC combines or expands (a lone combining accent, half of a ligature's expansion).
 *
 * <p>The key is stable: {@code key(key(x)) == key(x)}, checked by {@code NameKeyTest} for every
 * assigned code point of the running JVM's Unicode version. A newer JDK can assign case or
 * compatibility mappings to characters that had none, which changes the keys of names using them;
 * keys in the database are computed when the name is written (and by migration V10 for older rows).
 */
public final class NameKey {
  /** The width of the key columns. */
  public static final int MAX_LENGTH = 512;

  private NameKey() {}

  /** The comparison key of {@code name} (not null). */
  public static String of(String name) {
    String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
    String folded =
        compatible
            .toLowerCase(Locale.ROOT)
            .toUpperCase(Locale.ROOT)
            .toLowerCase(Locale.ROOT)
            .replace('\u03C2', '\u03C3');
    return cut(Normalizer.normalize(folded, Normalizer.Form.NFKC));
  }

  private static String cut(String key) {
    if (key.length() <= MAX_LENGTH) {
      return key;
    }
    int end = MAX_LENGTH;
    if (Character.isHighSurrogate(key.charAt(end - 1))) {
      end--;
    }
    return key.substring(0, end);
  }
}
