package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Search text never acts as a LIKE wildcard. */
class LikeTest {
  @Test
  void searchTextIsEscapedAndLowerCased() {
    assertEquals("%", Like.contains(null));
    assertEquals("%", Like.contains("  "));
    assertEquals("%contoso!_it%", Like.contains(" Contoso_IT "));
    assertEquals("100!%!!%", Like.startsWith("100%!"));
    assertEquals("Ext-1%", Like.startsWithExact("Ext-1"));
  }
}
