package co.softdrive.scim.token;

/** A newly created token: the only moment the secret exists outside the client. */
public record IssuedToken(TokenView token, String secret) {}
