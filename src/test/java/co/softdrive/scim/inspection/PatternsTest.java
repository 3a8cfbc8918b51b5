package co.softdrive.scim.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Search text never acts as a LIKE wildcard. */
class PatternsTest {
  @Test
  void searchTextIsEscapedAndLowerCased() {
    assertEquals("%", Patterns.contains(null));
    assertEquals("%", Patterns.contains("  "));
    assertEquals("%contoso!_it%", Patterns.contains(" Contoso_IT "));
    assertEquals("100!%!!%", Patterns.startsWith("100%!"));
    assertEquals("Ext-1%", Patterns.startsWithExact("Ext-1"));
  }

  @Test
  void aSliceStaysWithinBounds() {
    assertEquals(new Slice(0, 1, null, true), new Slice(-3, 0, null, true));
    assertEquals(200, new Slice(0, 5000, "x", false).limit());
  }
}
