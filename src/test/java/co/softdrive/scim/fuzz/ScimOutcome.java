package co.softdrive.scim.fuzz;

import co.softdrive.scim.protocol.error.ScimException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The invariant every fuzz target checks around the code under test: an input is either accepted or
 * refused with a SCIM client error (RFC 7644 §3.12) — a {@link ScimException} with a 4xx status,
 * and for a 400 one of the {@code scimType}s the caller names. Any other exception or error (a
 * {@code NullPointerException}, a {@code StackOverflowError}, ...) propagates, and Jazzer reports
 * the input as a finding.
 */
public final class ScimOutcome {
  private ScimOutcome() {}

  /**
   * Runs {@code action}.
   *
   * @param scimTypes the {@code scimType}s a 400 may carry here; a 400 without one fails
   * @return the result, or empty when the input was refused with an acceptable SCIM error
   * @throws AssertionError when a SCIM error has a status outside 4xx or an unexpected scimType
   */
  public static <T> Optional<T> acceptedOrRefused(Supplier<T> action, Set<String> scimTypes) {
    try {
      return Optional.of(action.get());
    } catch (ScimException e) {
      checkRefusal(e, scimTypes);
      return Optional.empty();
    }
  }

  /** Fails unless {@code e} is a 4xx whose 400 carries one of {@code scimTypes}. */
  public static void checkRefusal(ScimException e, Set<String> scimTypes) {
    if (e.status() < 400 || e.status() > 499) {
      throw new AssertionError(
          "expected a 4xx SCIM error, got " + e.status() + ": " + e.detail(), e);
    }
    if (e.status() == 400 && !e.scimType().map(scimTypes::contains).orElse(false)) {
      throw new AssertionError(
          "expected a 400 with scimType in "
              + scimTypes
              + ", got "
              + e.scimType().orElse("none")
              + ": "
              + e.detail(),
          e);
    }
  }
}
