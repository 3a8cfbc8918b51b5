package co.softdrive.scim.protocol.patch.entra;

import co.softdrive.scim.protocol.path.AttrPath;
import java.util.Optional;

/**
 * In a PATCH operation without {@code path}, Entra (flag form, the SCIM Validator, and some
 * production tenants) writes sub-attributes as dotted keys of the value object.
 *
 * <pre>
 * Entra:  {"op":"replace","value":{"name.givenName":"Kkom","name.familyName":"Unua"}}
 * RFC:    {"op":"replace","value":{"name":{"givenName":"Kkom","familyName":"Unua"}}}
 * </pre>
 *
 * The key is read as an attribute path ({@code name.givenName}), never stored literally. When
 * disabled, a dotted key fails with {@code invalidPath}.
 *
 * <p>Source: docs/entra.md#q5-dotted-keys; Captain-P-Goldfish/SCIM-SDK#267, pond/scimitar#123,
 * scimmyjs/scimmy#10. Flag: {@value #FLAG}.
 */
public final class DottedPathKeys {
  public static final String FLAG = "scim.entra.dotted-path-keys.enabled";

  private DottedPathKeys() {}

  /** {@code name.givenName} as {@code AttrPath(null, name, givenName)}; empty without a dot. */
  public static Optional<AttrPath> split(String key) {
    int dot = key.indexOf('.');
    if (dot <= 0 || dot == key.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new AttrPath(null, key.substring(0, dot), key.substring(dot + 1)));
  }
}
