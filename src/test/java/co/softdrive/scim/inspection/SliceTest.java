package co.softdrive.scim.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A paged list's offset and size stay within bounds. */
class SliceTest {
  @Test
  void aSliceStaysWithinBounds() {
    assertEquals(new Slice(0, 1, null, true), new Slice(-3, 0, null, true));
    assertEquals(200, new Slice(0, 5000, "x", false).limit());
  }
}
