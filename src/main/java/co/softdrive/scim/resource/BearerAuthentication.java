package co.softdrive.scim.resource;

import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.error.ScimException;
import co.softdrive.scim.throttle.AuthThrottle;
import co.softdrive.scim.throttle.AuthThrottle.Attempt;
import co.softdrive.scim.throttle.TenantRateLimiter;
import co.softdrive.scim.token.Principal;
import co.softdrive.scim.token.TokenSecrets;
import co.softdrive.scim.token.TokenService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * Authenticates a SCIM request with {@code Authorization: Bearer <token>}; the token alone decides
 * the tenant. Missing, malformed, unknown, revoked or expired tokens and suspended tenants get 401
 * with a SCIM error and {@code WWW-Authenticate: Bearer}. Then the tenant's request rate is checked
 * (429 with {@code Retry-After}).
 *
 * <p>Missing, malformed and unknown tokens count against their source ({@link AuthThrottle});
 * revoked and expired tokens and suspended tenants do not: they are no guess, their check is
 * cached, and their 401 tells the Entra admin the truth instead of one stale configuration pushing
 * an Entra address shared by many customers over budget. A token this instance already knows takes
 * no slot of the budget at all; a source over budget gets 429 instead of 401, and only tokens this
 * instance already knows are checked, so the legitimate token still works from there.
 *
 * <p>Two filters call it: {@link BearerAuthFilter} before JAX-RS matches a resource and {@link
 * ScimResourceAuthFilter} after; a request is authenticated once.
 */
@ApplicationScoped
public class BearerAuthentication {
  @Inject TokenService tokens;
  @Inject ScimPrincipal principal;
  @Inject AuthThrottle throttle;
  @Inject TenantRateLimiter rates;
  @Inject HttpServletRequest http;

  /** Sets the principal of the request, or aborts it with 401 or 429. */
  void authenticate(ContainerRequestContext request) {
    if (principal.get() != null) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String secret = secretOf(header);
    Attempt attempt = Attempt.NONE;
    try {
      // A token this instance knows is no guess and needs no slot. Any other takes its slot before
      // it is checked, so that parallel guesses from one source get no more lookups than the
      // budget.
      Principal known = secret == null ? null : tokens.authenticateIfKnown(secret);
      if (known == null) {
        attempt = throttle.bearerAttempt(throttle.source(http));
        if (secret == null) {
          throw noBearer(header);
        }
        known =
            attempt.blocked().isPresent()
                ? tokens.authenticateKnown(secret)
                : tokens.authenticate(secret);
      }
      principal.set(known);
    } catch (ScimException e) {
      reject(request, secret, e, attempt);
      return;
    } catch (RuntimeException e) {
      attempt.release(); // not checked (the database is unavailable, say), so no failure
      throw e;
    }
    attempt.release();
    try {
      rates.acquire(principal.tenantId());
    } catch (ScimException e) {
      request.abortWith(ErrorBodies.of(e, true));
    }
  }

  private void reject(
      ContainerRequestContext request, String secret, ScimException e, Attempt attempt) {
    // A revoked token or a suspended tenant: record the rejection under its tenant.
    Optional<String> tenant = tokens.tenantOfRejected(secret);
    tenant.ifPresent(
        id -> {
          request.setProperty(ActivityRecordingFilter.REJECTED_TENANT, id);
          request.setProperty(
              ActivityRecordingFilter.REJECTED_PREFIX, TokenSecrets.displayPrefix(secret));
        });
    if (attempt.blocked().isPresent()) {
      request.abortWith(ErrorBodies.of(throttle.refuseBearer(attempt.blocked().getAsLong()), true));
      return;
    }
    if (tenant.isEmpty() && e.status() == 401) {
      attempt.failed();
    } else {
      attempt.release(); // no guess (revoked, expired, suspended), or not checked (503)
    }
    request.abortWith(ErrorBodies.of(e, true));
  }

  /** The secret of a bearer header, or null when there is none. */
  private static String secretOf(String header) {
    String h = header == null ? "" : header.strip();
    return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
  }

  /** The 401 for a header that carries no bearer token, saying why. */
  private static ScimException noBearer(String header) {
    return header == null || header.isBlank()
        ? ScimErrors.unauthorized("A bearer token is required (Authorization: Bearer <token>)")
        : ScimErrors.unauthorized(
            "Only bearer tokens are accepted (Authorization: Bearer <token>)");
  }
}
