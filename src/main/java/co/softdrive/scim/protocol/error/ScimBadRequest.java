package co.softdrive.scim.protocol.error;

/** 400 Bad Request with the {@code scimType} values of RFC 7644 §3.12, table 9. */
public final class ScimBadRequest extends ScimException {
  private static final long serialVersionUID = 1L;

  private ScimBadRequest(String scimType, String detail) {
    super(400, scimType, detail);
  }

  /**
   * The filter syntax is invalid or the filter names an attribute or operator we do not support.
   */
  public static ScimBadRequest invalidFilter(String detail) {
    return new ScimBadRequest("invalidFilter", detail);
  }

  /** The specified filter yields too many results (or is too large/deep to evaluate). */
  public static ScimBadRequest tooMany(String detail) {
    return new ScimBadRequest("tooMany", detail);
  }

  /** The request body is malformed, or does not match the schema. */
  public static ScimBadRequest invalidSyntax(String detail) {
    return new ScimBadRequest("invalidSyntax", detail);
  }

  /** The path attribute is invalid or malformed. */
  public static ScimBadRequest invalidPath(String detail) {
    return new ScimBadRequest("invalidPath", detail);
  }

  /** The path did not yield an attribute or attribute value that could be operated on. */
  public static ScimBadRequest noTarget(String detail) {
    return new ScimBadRequest("noTarget", detail);
  }

  /** A required value was missing, or the value is incompatible with the attribute. */
  public static ScimBadRequest invalidValue(String detail) {
    return new ScimBadRequest("invalidValue", detail);
  }

  /** An attempt to modify an immutable or read-only attribute. */
  public static ScimBadRequest mutability(String detail) {
    return new ScimBadRequest("mutability", detail);
  }

  /** The version specified in the request is not supported. */
  public static ScimBadRequest invalidVers(String detail) {
    return new ScimBadRequest("invalidVers", detail);
  }

  /** A 400 without a scimType (for example a malformed query parameter). */
  public static ScimBadRequest plain(String detail) {
    return new ScimBadRequest(null, detail);
  }
}
