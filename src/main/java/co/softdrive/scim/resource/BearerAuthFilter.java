package co.softdrive.scim.resource;

import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.error.ScimException;
import co.softdrive.scim.token.TokenSecrets;
import co.softdrive.scim.token.TokenService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Authenticates every request under the SCIM base with {@code Authorization: Bearer <token>}; the
 * token alone decides the tenant. Missing, malformed, unknown, revoked or expired tokens and
 * suspended tenants get 401 with a SCIM error and {@code WWW-Authenticate: Bearer}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {
  @Inject TokenService tokens;
  @Inject ScimPrincipal principal;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!ErrorBodies.isScimPath(request.getUriInfo().getPath())) {
      return;
    }
    String secret = null;
    try {
      secret = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
      principal.set(tokens.authenticate(secret));
    } catch (ScimException e) {
      // A revoked token or a suspended tenant: record the rejection under its tenant.
      String presented = secret;
      tokens
          .tenantOfRejected(presented)
          .ifPresent(
              tenant -> {
                request.setProperty(ActivityRecordingFilter.REJECTED_TENANT, tenant);
                request.setProperty(
                    ActivityRecordingFilter.REJECTED_PREFIX, TokenSecrets.displayPrefix(presented));
              });
      request.abortWith(ErrorBodies.of(e, true));
    }
  }

  private static String bearer(String header) {
    if (header == null || header.isBlank()) {
      throw ScimErrors.unauthorized("A bearer token is required (Authorization: Bearer <token>)");
    }
    String h = header.strip();
    if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ScimErrors.unauthorized("Only bearer tokens are accepted (Authorization: Bearer <token>)");
    }
    return h.substring(7).strip();
  }
}
