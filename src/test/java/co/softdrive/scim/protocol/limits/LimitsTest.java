package co.softdrive.scim.protocol.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LimitsTest {

  @Test
  void defaultsAreTheDocumentedValues() {
    assertEquals(
        new Limits(4_194_304, 32, 1000, 20_000, 1000, 2048, 16_384, 4096, 16, 64, 1024, 200),
        Limits.defaults());
  }

  @Test
  void withoutConfigurationTheDefaultsApply() {
    assertEquals(Limits.defaults(), Limits.fromConfig(key -> Optional.empty()));
    assertEquals(Limits.defaults(), Limits.fromConfig(key -> Optional.of(" ")));
  }

  @Test
  void everyKeyChangesItsOwnLimit() {
    for (int i = 0; i < Limits.KEYS.size(); i++) {
      String key = Limits.KEYS.get(i);
      Limits limits = Limits.fromConfig(k -> k.equals(key) ? Optional.of(" 7 ") : Optional.empty());
      int[] values = values(limits);
      int[] defaults = values(Limits.defaults());
      for (int j = 0; j < values.length; j++) {
        assertEquals(j == i ? 7 : defaults[j], values[j], key + " component " + j);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "lots", "1.5"})
  void aValueThatIsNotAPositiveIntegerFailsNamingTheKey(String value) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Limits.fromConfig(
                    k ->
                        k.equals("scim.limits.json-depth")
                            ? Optional.of(value)
                            : Optional.empty()));
    assertTrue(e.getMessage().contains("scim.limits.json-depth"), e.getMessage());
  }

  private static int[] values(Limits l) {
    return new int[] {
      l.requestBytes(), l.jsonDepth(), l.patchOperations(), l.valuesPerOperation(),
      l.attributeValues(), l.stringLength(), l.largeStringLength(), l.filterLength(),
      l.filterDepth(), l.filterOperands(), l.pathLength(), l.maxCount()
    };
  }
}
