package co.softdrive.scim.query;

import java.util.Map;

/**
 * A JPQL condition and its parameters.
 *
 * @param where condition over the resource alias, safe to AND with other conditions
 * @param parameters named parameters used in {@code where}
 * @param from further range variables that {@code where} joins (each {@code ", Entity alias"}),
 *     empty when none; each joined row is at most one per resource, so no DISTINCT is needed
 */
public record JpqlFilter(String where, Map<String, Object> parameters, String from) {
  public JpqlFilter(String where, Map<String, Object> parameters) {
    this(where, parameters, "");
  }
}
