package co.softdrive.scim.resource;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.activity.ActivityEntry;
import co.softdrive.scim.activity.ActivityRecorder;
import co.softdrive.scim.activity.ChangeNotes;
import co.softdrive.scim.activity.ScimOperation;
import co.softdrive.scim.token.Principal;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.net.URI;

/**
 * Records every request under the SCIM base in the activity log (see package {@code activity} for
 * what is and is never recorded). Runs before authentication so that rejected tokens are recorded
 * too, under their tenant when the token is known. Queuing is non-blocking.
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
  @Inject ScimPrincipal principal;
  @Inject ChangeNotes changes;

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
    Principal p = principal.get();
    String tenantId = p != null ? p.tenantId() : (String) request.getProperty(REJECTED_TENANT);
    if (tenantId == null) {
      return; // an unknown token belongs to no tenant: nothing support could look it up under
    }
    String tokenPrefix =
        p != null ? p.tokenPrefix() : (String) request.getProperty(REJECTED_PREFIX);
    String path = RequestPaths.belowScimBase(request.getUriInfo());
    int status = response.getStatus();
    ScimOperation op = ScimOperation.classify(request.getMethod(), path);
    if (status == 201) {
      op = op.withResourceId(lastSegment(response.getLocation()));
    }
    String scimType = null;
    String detail = null;
    if (status >= 400 && response.getEntity() instanceof String body) {
      JsonObject error = parse(body);
      if (error != null) {
        scimType = text(error.get("scimType"));
        detail = text(error.get("detail"));
      }
    }
    long latencyMs = (System.nanoTime() - started) / 1_000_000;
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

  private static String lastSegment(URI location) {
    if (location == null || location.getPath() == null) {
      return null;
    }
    String p = location.getPath();
    int slash = p.lastIndexOf('/');
    return slash < 0 || slash == p.length() - 1 ? null : p.substring(slash + 1);
  }

  private static JsonObject parse(String body) {
    if (body.length() > 16_384 || !body.startsWith("{")) {
      return null;
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonValue v) {
    return v instanceof jakarta.json.JsonString s ? s.getString() : null;
  }
}
