package co.softdrive.scim.protocol.error;

/** Errors other than 400, one factory per status that SCIM uses (RFC 7644 §3.12). */
public final class ScimErrors {
  private ScimErrors() {}

  public static ScimException unauthorized(String detail) {
    return new Simple(401, null, detail);
  }

  public static ScimException notFound(String detail) {
    return new Simple(404, null, detail);
  }

  /** 409 {@code uniqueness}: a value that must be unique is already taken. */
  public static ScimException uniqueness(String detail) {
    return new Simple(409, "uniqueness", detail);
  }

  /** 408: the request (its body) did not arrive in time; the connection is closed. */
  public static ScimException requestTimeout(String detail) {
    return new Simple(408, null, detail);
  }

  public static ScimException preconditionFailed(String detail) {
    return new Simple(412, null, detail);
  }

  public static ScimException payloadTooLarge(String detail) {
    return new Simple(413, null, detail);
  }

  /**
   * 429 without scimType: RFC 7644 §3.12 defines no scimType for it ({@code tooMany} is a 400 for a
   * filter matching too much), and Entra reads the status and {@code Retry-After}.
   */
  public static ScimException tooManyRequests(String detail, long retryAfterSeconds) {
    return new Simple(429, null, detail, retryAfterSeconds);
  }

  /**
   * 501: the service provider does not support the operation asked for (RFC 7644 §3.12, "Service
   * provider does not support the request operation").
   */
  public static ScimException notImplemented(String detail) {
    return new Simple(501, null, detail);
  }

  /** 503: the service cannot take the request now; the answer carries {@code Retry-After}. */
  public static ScimException unavailable(String detail) {
    return new Simple(503, null, detail);
  }

  private static final class Simple extends ScimException {
    private static final long serialVersionUID = 1L;

    Simple(int status, String scimType, String detail) {
      super(status, scimType, detail);
    }

    Simple(int status, String scimType, String detail, long retryAfterSeconds) {
      super(status, scimType, detail, retryAfterSeconds);
    }
  }
}
