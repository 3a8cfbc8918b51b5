package co.softdrive.scim.protocol.patch.entra;

import co.softdrive.scim.protocol.path.AttrPath;
import java.util.Optional;

/**
 * In a PATCH operation without {@code path}, Entra (flag form) writes extension attributes as
 * URN-qualified keys of the value object instead of nesting them under the extension.
 *
 * <pre>
 * Entra:  {"op":"replace","value":{
 *            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}}
 * RFC:    {"op":"replace","value":{
 *            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"Aklq"}}}
 * </pre>
 *
 * The key is split on its <em>last</em> colon into schema URN and attribute (which may itself be
 * dotted: {@code ...:User:manager.value}). When disabled, such a key fails with {@code
 * invalidPath}.
 *
 * <p>Source: docs/entra.md#q6-urn-qualified-keys; Captain-P-Goldfish/SCIM-SDK#193,
 * grokability/snipe-it#19095. Flag: {@value #FLAG}.
 */
public final class UrnQualifiedKeys {
  public static final String FLAG = "scim.entra.urn-qualified-keys.enabled";

  private UrnQualifiedKeys() {}

  /**
   * {@code urn:...:User:employeeNumber} as {@code AttrPath(urn:...:User, employeeNumber, null)}.
   */
  public static Optional<AttrPath> split(String key) {
    int colon = key.lastIndexOf(':');
    if (!key.regionMatches(true, 0, "urn:", 0, 4) || colon == key.length() - 1) {
      return Optional.empty();
    }
    String schema = key.substring(0, colon);
    String local = key.substring(colon + 1);
    int dot = local.indexOf('.');
    return Optional.of(
        dot < 0
            ? new AttrPath(schema, local, null)
            : new AttrPath(schema, local.substring(0, dot), local.substring(dot + 1)));
  }
}
