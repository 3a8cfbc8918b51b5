/**
 * Service-account tokens: generation ({@code sdscim_} + 256 random bits), SHA-256 at rest with a
 * display prefix, verification with a short per-instance cache (the documented revocation bound),
 * revocation and expiry.
 */
package co.softdrive.scim.token;
