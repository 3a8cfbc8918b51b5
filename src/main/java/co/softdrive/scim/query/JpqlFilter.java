package co.softdrive.scim.query;

import java.util.Map;

/**
 * A JPQL condition and its parameters.
 *
 * @param where condition over the resource alias, safe to AND with other conditions
 * @param parameters named parameters used in {@code where}
 */
public record JpqlFilter(String where, Map<String, Object> parameters) {}
