package co.softdrive.scim.token;

/** Who is calling the SCIM API: a token of a tenant. Resolved once per request. */
public record Principal(String tenantId, String tokenId, String tokenPrefix) {}
