package co.softdrive.scim.protocol.limits;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Limits for tests: the defaults with some keys changed, {@code with("filter-length", 10)}. */
public final class TestLimits {
  private TestLimits() {}

  /** Alternating short key names (without {@code scim.limits.}) and values. */
  public static Limits with(Object... namesAndValues) {
    Map<String, String> config = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      config.put("scim.limits." + namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
    }
    return Limits.fromConfig(key -> Optional.ofNullable(config.get(key)));
  }
}
