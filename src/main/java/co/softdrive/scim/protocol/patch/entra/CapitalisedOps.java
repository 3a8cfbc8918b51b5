package co.softdrive.scim.protocol.patch.entra;

import java.util.Locale;

/**
 * Without the {@code aadOptscim062020} flag (and always in Provision on Demand) Entra capitalises
 * PATCH operation names.
 *
 * <pre>
 * Entra:  {"op":"Replace","path":"active","value":"False"}   {"op":"Add",...}  {"op":"Remove",...}
 * RFC:    {"op":"replace", ...}                              {"op":"add",...}  {"op":"remove",...}
 * </pre>
 *
 * When enabled, {@code op} is compared case-insensitively (as Microsoft's reference server does
 * with {@code Enum.TryParse(value, ignoreCase: true)}); when disabled only the lowercase RFC names
 * pass.
 *
 * <p>Source: docs/entra.md#q1-capitalised-op-names (Microsoft's SCIM compatibility page and the
 * failures of servers that compared case-sensitively). Flag: {@value #FLAG}.
 */
public final class CapitalisedOps {
  public static final String FLAG = "scim.entra.capitalised-ops.enabled";

  private CapitalisedOps() {}

  /** The op name to match against {@code add}/{@code replace}/{@code remove}. */
  public static String normalise(String op, boolean enabled) {
    return enabled ? op.toLowerCase(Locale.ROOT) : op;
  }
}
