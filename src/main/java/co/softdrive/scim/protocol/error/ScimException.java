package co.softdrive.scim.protocol.error;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A SCIM error as RFC 7644 §3.12 describes it: an HTTP status, an optional {@code scimType} and a
 * human-readable detail. Thrown anywhere; the JAX-RS edge turns it into an error body.
 *
 * <p>Use the named factories of the subclasses ({@link ScimBadRequest#invalidFilter(String)}, ...)
 * rather than this constructor. Details name the offending input and its position; they never echo
 * tokens, secrets or whole payloads.
 */
public class ScimException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String scimType;
  private final long retryAfterSeconds;

  protected ScimException(int status, String scimType, String detail) {
    this(status, scimType, detail, 0);
  }

  /**
   * @param retryAfterSeconds when the client may try again ({@code Retry-After}); 0 if unknown
   */
  protected ScimException(int status, String scimType, String detail, long retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = status;
    this.scimType = scimType;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public Optional<String> scimType() {
    return Optional.ofNullable(scimType);
  }

  public String detail() {
    return getMessage();
  }

  /** The seconds a client should wait before retrying, when this error says. */
  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds > 0 ? OptionalLong.of(retryAfterSeconds) : OptionalLong.empty();
  }
}
