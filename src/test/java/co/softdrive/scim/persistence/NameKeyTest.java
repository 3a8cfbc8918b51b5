package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The comparison key of userNames and group displayNames: look-alikes collide, others do not. */
class NameKeyTest {

  /** Rows: a name, another spelling of it, and the key both have. */
  static Stream<Arguments> sameName() {
    return Stream.of(
        // The four look-alike pairs an outside tester reported.
        Arguments.of("cafe\u0301", "caf\u00e9", "caf\u00e9"), // NFD and NFC
        Arguments.of("\uff41dmin", "admin", "admin"), // fullwidth a
        Arguments.of("\u03c3", "\u03c2", "\u03c3"), // sigma and final sigma
        Arguments.of("\ufb01nance", "finance", "finance"), // the fi ligature
        // Ordinary cases.
        Arguments.of("BJensen@Example.com", "bjensen@example.com", "bjensen@example.com"),
        Arguments.of("Caf\u00c9", "CAFE\u0301", "caf\u00e9"),
        Arguments.of(
            "\u039f\u0394\u039f\u03a3", "\u03bf\u03b4\u03bf\u03c2", "\u03bf\u03b4\u03bf\u03c3"),
        Arguments.of("Stra\u00dfe", "STRASSE", "strasse"), // full case fold: sharp s
        Arguments.of("STRA\u1e9eE", "strasse", "strasse"), // capital sharp s
        Arguments.of("\uff21\uff24\uff2d\uff29\uff2e", "Admin", "admin"), // fullwidth capitals
        Arguments.of("\u212bngstr\u00f6m", "\u00c5ngstr\u00f6m", "\u00e5ngstr\u00f6m"), // Å sign
        Arguments.of("\u212a", "k", "k"), // Kelvin sign
        Arguments.of("x\u00b2", "x2", "x2"), // superscript two
        Arguments.of("\u2460", "1", "1"), // circled one
        Arguments.of("\uac00", "\u1100\u1161", "\uac00")); // Hangul syllable and its jamo
  }

  @ParameterizedTest
  @MethodSource("sameName")
  void lookAlikesHaveOneKey(String name, String other, String key) {
    assertEquals(key, NameKey.of(name), name);
    assertEquals(key, NameKey.of(other), other);
  }

  /** Rows: two names that stay different. */
  static Stream<Arguments> differentNames() {
    return Stream.of(
        Arguments.of("cafe", "caf\u00e9"),
        Arguments.of("admin", "admin "),
        Arguments.of("admin", " admin"),
        Arguments.of("a.b", "a_b"),
        Arguments.of("jos\u00e9", "jose"),
        Arguments.of("\u0430dmin", "admin"), // Cyrillic a: a homoglyph, not a compatibility form
        Arguments.of("\u03c3", "s"));
  }

  @ParameterizedTest
  @MethodSource("differentNames")
  void differentNamesHaveDifferentKeys(String name, String other) {
    assertNotEquals(NameKey.of(name), NameKey.of(other));
  }

  @Test
  void ordinaryNamesKeepEverythingButCase() {
    assertEquals("bjensen@example.com", NameKey.of("bjensen@example.com"));
    assertEquals(
        "first.last+tag@sub.example.co.uk", NameKey.of("First.Last+Tag@Sub.Example.CO.UK"));
    assertEquals("a b\tc", NameKey.of("a b\tc"));
    assertEquals("", NameKey.of(""));
    assertEquals("\u7530\u4e2d", NameKey.of("\u7530\u4e2d"));
    assertEquals("\ud83d\ude00", NameKey.of("\ud83d\ude00"));
  }

  /** key(key(x)) == key(x) for every assigned code point of this JVM's Unicode version. */
  @Test
  void theKeyOfAKeyIsTheSameKeyForEveryCodePoint() {
    List<String> unstable = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      // Unassigned code points have no mappings: they are their own key.
      int type = Character.getType(cp);
      if (type == Character.SURROGATE || type == Character.UNASSIGNED) {
        continue;
      }
      String key = NameKey.of(new String(Character.toChars(cp)));
      if (!key.equals(NameKey.of(key))) {
        unstable.add(Integer.toHexString(cp));
      }
    }
    assertEquals(List.of(), unstable);
  }

  /** ... and for short mixes of cased letters, combining marks and compatibility characters. */
  @Test
  void theKeyOfAKeyIsTheSameKeyForMixedStrings() {
    int[][] ranges = {
      {0x20, 0x24f}, {0x300, 0x36f}, {0x370, 0x52f}, {0x10a0, 0x10ff}, {0x13a0, 0x13ff},
      {0x1e00, 0x1fff}, {0x2100, 0x218f}, {0x2460, 0x24ff}, {0x2c00, 0x2d2f}, {0x3000, 0x33ff},
      {0xa640, 0xa7ff}, {0xab70, 0xabbf}, {0xfb00, 0xfb4f}, {0xff00, 0xffef}, {0x1100, 0x11ff},
      {0x10400, 0x1044f}, {0x1d400, 0x1d7ff}
    };
    Random random = new Random(8265);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        int[] r = ranges[random.nextInt(ranges.length)];
        b.appendCodePoint(r[0] + random.nextInt(r[1] - r[0] + 1));
      }
      String key = NameKey.of(b.toString());
      assertEquals(key, NameKey.of(key), b.toString());
    }
  }

  /**
   * Names equal once lower-cased have equal keys: key(x) == key(lower(x)), for every code point and
   * for the mixed strings above. So the unique key of userNames refuses every name the unique
   * lower-cased userName refused, which migration V14 dropped.
   */
  @Test
  void namesEqualOnceLowerCasedHaveOneKey() {
    List<String> apart = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      int type = Character.getType(cp);
      if (type == Character.SURROGATE || type == Character.UNASSIGNED) {
        continue;
      }
      String name = new String(Character.toChars(cp));
      if (!NameKey.of(name).equals(NameKey.of(name.toLowerCase(Locale.ROOT)))) {
        apart.add(Integer.toHexString(cp));
      }
    }
    assertEquals(List.of(), apart);
    int[][] ranges = {
      {0x20, 0x24f}, {0x300, 0x36f}, {0x370, 0x52f}, {0x10a0, 0x10ff}, {0x13a0, 0x13ff},
      {0x1e00, 0x1fff}, {0x2100, 0x218f}, {0x2460, 0x24ff}, {0x2c00, 0x2d2f}, {0xfb00, 0xfb4f},
      {0xff00, 0xffef}, {0x10400, 0x1044f}
    };
    Random random = new Random(7643);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        int[] r = ranges[random.nextInt(ranges.length)];
        b.appendCodePoint(r[0] + random.nextInt(r[1] - r[0] + 1));
      }
      String name = b.toString();
      assertEquals(NameKey.of(name), NameKey.of(name.toLowerCase(Locale.ROOT)), name);
    }
  }

  @Test
  void aKeyLongerThanTheColumnIsCutThereAndStaysStable() {
    // U+FDFA expands to 18 characters under NFKC.
    String name = "\ufdfa".repeat(40);
    String key = NameKey.of(name);
    assertEquals(NameKey.MAX_LENGTH, key.length());
    assertEquals(key, NameKey.of(key));
    assertTrue(NameKey.of(name + "x").equals(key), "names compare on their first 512 key chars");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String name = "a" + "\ud835\udc00".repeat(300); // MATHEMATICAL BOLD CAPITAL A, NFKC "a"
    assertEquals("a".repeat(301), NameKey.of(name));
    String emoji = "a" + "\ud83d\ude00".repeat(300); // no mapping: stays two chars each
    String key = NameKey.of(emoji);
    assertEquals(NameKey.MAX_LENGTH - 1, key.length());
    assertTrue(Character.isLowSurrogate(key.charAt(key.length() - 1)));
  }
}
