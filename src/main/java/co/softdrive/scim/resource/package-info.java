/**
 * The JAX-RS edge: SCIM resources under {@code /api/v1/automations/scim} (bearer token, tenant from
 * the token), the staff admin API under {@code /api/v1/admin} (HTTP Basic), exception mappers, and
 * the helpers that shape every response ({@link co.softdrive.scim.resource.ScimResponses}).
 *
 * <p>Resource methods read like a table of contents: parse, call one service, answer. No queries or
 * business rules here. Each path prefix has exactly one root resource class: JAX-RS picks the root
 * with the longest literal match and never falls back to another, so a second root on a shared
 * prefix silently shadows paths (see {@code DiscoveryResource}, {@code AdminAuditResource}).
 */
package co.softdrive.scim.resource;
