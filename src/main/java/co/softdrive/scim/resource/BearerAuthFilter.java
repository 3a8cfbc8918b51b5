package co.softdrive.scim.resource;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Authenticates every request under the SCIM base before JAX-RS matches it ({@link
 * BearerAuthentication}), so that a request for a path no resource serves is answered 401 without a
 * token, and with a token is recorded under its tenant like any other (an Entra tenant URL with a
 * wrong path shows in the activity log). The path is taken as JAX-RS resolves it ({@link
 * RequestPaths}). This is not what keeps SCIM resources closed: {@link ScimResourceAuthFilter} does
 * that from the matched resource, for any spelling of the path.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {
  @Inject BearerAuthentication authentication;

  @Override
  public void filter(ContainerRequestContext request) {
    if (RequestPaths.isScim(request.getUriInfo())) {
      authentication.authenticate(request);
    }
  }
}
