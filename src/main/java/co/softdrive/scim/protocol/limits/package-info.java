/**
 * The bounds every SCIM request is checked against: body size and nesting, PATCH operation and
 * value counts, filter and path size, string lengths, values per attribute and the page size.
 * {@link co.softdrive.scim.protocol.limits.Limits} is a plain record handed to the parsers, so they
 * stay free of configuration and container types; {@code config.LimitsConfig} builds it from the
 * {@code scim.limits.*} keys. Plain Java only.
 */
package co.softdrive.scim.protocol.limits;
