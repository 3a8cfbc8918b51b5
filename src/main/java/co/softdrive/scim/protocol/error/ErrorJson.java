package co.softdrive.scim.protocol.error;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import jakarta.json.JsonObjectBuilder;

/**
 * The bodies of error responses: a SCIM error (RFC 7644 §3.12, {@code status} as a string) and the
 * admin API's {@code {"status": 400, "error": "...", "detail": "..."}}. One place for both, used by
 * the JAX-RS edge and by the staff sign-in check that answers before it.
 */
public final class ErrorJson {
  public static final String SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

  /** The challenge of a SCIM 401 ({@code WWW-Authenticate}). */
  public static final String BEARER_CHALLENGE = "Bearer realm=\"softdrive-scim\"";

  private ErrorJson() {}

  /**
   * @param scimType null for none
   * @param detail null for none
   */
  public static String scim(int status, String scimType, String detail) {
    JsonObjectBuilder body = JSON.createObjectBuilder();
    body.add("schemas", JSON.createArrayBuilder().add(SCIM_ERROR_SCHEMA));
    body.add("status", Integer.toString(status));
    if (scimType != null) {
      body.add("scimType", scimType);
    }
    if (detail != null) {
      body.add("detail", detail);
    }
    return body.build().toString();
  }

  /**
   * @param error a short name: a SCIM {@code scimType} or the status's reason ({@code not_found})
   * @param detail null for none
   */
  public static String admin(int status, String error, String detail) {
    JsonObjectBuilder body = JSON.createObjectBuilder().add("status", status).add("error", error);
    if (detail != null) {
      body.add("detail", detail);
    }
    return body.build().toString();
  }
}
