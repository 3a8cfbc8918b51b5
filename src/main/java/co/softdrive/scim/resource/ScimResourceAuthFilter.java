package co.softdrive.scim.resource;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Runs for every request JAX-RS matched to a {@link ScimApi} resource and authenticates it unless
 * {@link BearerAuthFilter} already did: no request without a token's principal reaches a SCIM
 * resource, however its path is spelled. A path check alone once let {@code
 * /api/v1/automations;x=1/scim/Users} through unauthenticated (the resource then failed with a
 * 500). The request is then timed, throttled and rate-limited like any other SCIM request.
 */
@Provider
@ScimApi
@Priority(Priorities.AUTHENTICATION)
public class ScimResourceAuthFilter implements ContainerRequestFilter {
  @Inject BearerAuthentication authentication;

  @Override
  public void filter(ContainerRequestContext request) {
    ActivityRecordingFilter.markStarted(request);
    authentication.authenticate(request);
  }
}
