package co.softdrive.scim.resource;

import co.softdrive.scim.activity.ActivityEntry;
import co.softdrive.scim.activity.ActivityRecorder;
import co.softdrive.scim.activity.ChangeNotes;
import co.softdrive.scim.activity.ScimOperation;
import co.softdrive.scim.token.Principal;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every request under the SCIM base in the activity log (see package {@code activity} for
 * what is and is never recorded). Runs before authentication so that rejected tokens are recorded
 * too, under their tenant when the token is known. Queuing is non-blocking. Every answered SCIM
 * request, also one whose token belongs to no tenant, is counted in {@link ScimRequestMetrics}.
 *
 * <p>It records what the request already established rather than working it out again: the
 * operation from the resource method JAX-RS matched ({@link RecordedAs}), the error type and detail
 * from the {@link ErrorBody} the exception mappers and filters answered with, the user's or group's
 * name and what changed from the provisioning services ({@code activity.ChangeNotes}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class ActivityRecordingFilter implements ContainerRequestFilter, ContainerResponseFilter {
  static final String STARTED = "softdrive.activity.started";

  /** Set by {@link BearerAuthFilter} when it rejects a token whose tenant is known. */
  static final String REJECTED_TENANT = "softdrive.activity.rejectedTenant";

  static final String REJECTED_PREFIX = "softdrive.activity.rejectedPrefix";

  @Inject ActivityRecorder recorder;
  @Inject ScimRequestMetrics metrics;
  @Inject ScimPrincipal principal;
  @Inject ChangeNotes changes;
  @Context ResourceInfo resourceInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    if (RequestPaths.isScim(request.getUriInfo())) {
      markStarted(request);
    }
  }

  /** Times a SCIM request from now unless it already is. */
  static void markStarted(ContainerRequestContext request) {
    if (request.getProperty(STARTED) == null) {
      request.setProperty(STARTED, System.nanoTime());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(STARTED) instanceof Long started)) {
      return;
    }
    String path = RequestPaths.belowScimBase(request.getUriInfo());
    int status = response.getStatus();
    ScimOperation op = operation(request, path);
    long latencyMs = (System.nanoTime() - started) / 1_000_000;
    metrics.answered(op.operation(), status, latencyMs);
    Principal p = principal.get();
    String tenantId = p != null ? p.tenantId() : (String) request.getProperty(REJECTED_TENANT);
    if (tenantId == null) {
      return; // an unknown token belongs to no tenant: nothing support could look it up under
    }
    String tokenPrefix =
        p != null ? p.tokenPrefix() : (String) request.getProperty(REJECTED_PREFIX);
    if (status == 201) {
      op = op.withResourceId(lastSegment(response.getLocation()));
    }
    String scimType = null;
    String detail = null;
    if (status >= 400 && response.getEntity() instanceof ErrorBody error) {
      // Every error answer is made by ErrorBodies, which keeps what it was made of.
      scimType = error.scimType();
      detail = error.detail();
    }
    recorder.record(
        ActivityEntry.of(
                tenantId,
                System.currentTimeMillis(),
                tokenPrefix,
                request.getMethod(),
                path,
                op,
                status,
                scimType,
                detail,
                request.getUriInfo().getQueryParameters().getFirst("filter"),
                latencyMs)
            .withChange(status < 400 ? changes.get() : null));
  }

  /**
   * What JAX-RS matched: the {@link RecordedAs} of the resource method and its {@code {id}}; a
   * request refused before matching (401, 429) or matching no method is classified from its path.
   */
  private ScimOperation operation(ContainerRequestContext request, String path) {
    Method method = resourceInfo.getResourceMethod();
    Class<?> type = resourceInfo.getResourceClass();
    String name = method == null || type == null ? "" : recordedAs(type, method);
    if (name.isEmpty()) {
      return ScimOperation.classify(request.getMethod(), path);
    }
    return ScimOperation.named(name, request.getUriInfo().getPathParameters().getFirst("id"));
  }

  /**
   * The operation name of a resource method ({@link RecordedAs} of its class, then of the method),
   * or "" when its class has none: read by reflection once per resource class and method (one
   * inherited method serves several classes), not on every request.
   */
  private static String recordedAs(Class<?> type, Method method) {
    return RECORDED_AS
        .get(type)
        .computeIfAbsent(
            method,
            m -> {
              RecordedAs resource = type.getAnnotation(RecordedAs.class);
              if (resource == null) {
                return "";
              }
              RecordedAs operation = m.getAnnotation(RecordedAs.class);
              return operation == null
                  ? resource.value()
                  : resource.value() + "." + operation.value();
            });
  }

  private static final ClassValue<Map<Method, String>> RECORDED_AS =
      new ClassValue<>() {
        @Override
        protected Map<Method, String> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private static String lastSegment(URI location) {
    if (location == null || location.getPath() == null) {
      return null;
    }
    String p = location.getPath();
    int slash = p.lastIndexOf('/');
    return slash < 0 || slash == p.length() - 1 ? null : p.substring(slash + 1);
  }
}
