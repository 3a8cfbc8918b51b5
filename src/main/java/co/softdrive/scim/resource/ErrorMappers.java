package co.softdrive.scim.resource;

import co.softdrive.scim.health.DatabaseProbe;
import co.softdrive.scim.protocol.error.ScimException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URISyntaxException;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One place that turns exceptions into error bodies: 4xx logged at FINE, 5xx at SEVERE with a
 * reference id that also goes into {@code detail}. Never a stack trace or HTML to the client. A
 * database outage is 503 with {@code Retry-After}, so that Entra retries later ({@link
 * DatabaseProbe#isOutage} tells an outage from other database errors).
 */
public final class ErrorMappers {
  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

  private ErrorMappers() {}

  static Response respond(UriInfo uri, ScimException e) {
    if (e.status() >= 500 && e.status() != 501) {
      LOG.log(Level.SEVERE, "SCIM error {0}: {1}", new Object[] {e.status(), e.detail()});
    } else if (LOG.isLoggable(Level.FINE)) {
      LOG.log(
          Level.FINE,
          "Client error {0} {1}: {2}",
          new Object[] {e.status(), e.scimType(), e.detail()});
    }
    return ErrorBodies.of(e, RequestPaths.isScim(uri));
  }

  /** Our own errors. */
  @Provider
  public static final class ScimExceptionMapper implements ExceptionMapper<ScimException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ScimException e) {
      return respond(uri, e);
    }
  }

  /** JAX-RS errors: unknown path 404, wrong method 405, media type 415/406 and so on. */
  @Provider
  public static final class WebApplicationExceptionMapper
      implements ExceptionMapper<WebApplicationException> {
    @Context UriInfo uri;
    @Inject DatabaseProbe database;

    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      String detail =
          e instanceof NotFoundException
              ? "No resource at " + requestedPath(uri)
              : e instanceof NotAllowedException
                  ? "Method not allowed on " + requestedPath(uri)
                  : statusDetail(status);
      if (status >= 500) {
        return unexpected(uri, e, database::reachable);
      }
      Response r = ErrorBodies.of(status, null, detail, RequestPaths.isScim(uri));
      if (e instanceof NotAllowedException) {
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
          return Response.fromResponse(r).header("Allow", allow).build();
        }
      }
      return r;
    }

    /**
     * The path as the client requested it, from the context root ({@code
     * /api/v1/automations/scim/users}), not below the application path as JAX-RS matches it.
     */
    static String requestedPath(UriInfo uri) {
      String path = uri.getRequestUri().getPath();
      return path == null ? uri.getPath() : path;
    }

    private static String statusDetail(int status) {
      return switch (status) {
        case 400 -> "The request is malformed";
        case 401 -> "Authentication is required";
        case 403 -> "Your role does not allow this operation";
        case 406 -> "Only application/scim+json and application/json responses are available";
        case 415 -> "The body must be application/scim+json or application/json";
        default -> "Request failed";
      };
    }
  }

  /** Anything else is our bug or an outage: log it with a reference, tell the client little. */
  @Provider
  public static final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    @Context UriInfo uri;
    @Inject DatabaseProbe database;

    @Override
    public Response toResponse(Throwable e) {
      return unexpected(uri, e, database::reachable);
    }
  }

  static Response unexpected(UriInfo uri, Throwable e, BooleanSupplier databaseReachable) {
    boolean scim = RequestPaths.isScim(uri);
    if (e instanceof IllegalArgumentException && e.getCause() instanceof URISyntaxException) {
      // RESTEasy parses the request URL when it first needs it; MalformedRequestFilter refuses
      // such URLs before, this catches what reaches JAX-RS some other way.
      return ErrorBodies.of(400, null, "The request URL is not a valid URI (RFC 3986)", scim);
    }
    if (isConcurrentUpdate(e)) {
      return ErrorBodies.of(409, null, "A concurrent change won; retry the request", scim);
    }
    if (DatabaseProbe.isOutage(e, databaseReachable)) {
      LOG.log(Level.SEVERE, "Database unavailable: {0}", DatabaseProbe.describe(e));
      return ErrorBodies.of(503, null, "The service is temporarily unavailable; retry later", scim);
    }
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, e);
    return ErrorBodies.of(500, null, "Internal error, reference " + reference, scim);
  }

  private static boolean isConcurrentUpdate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException) {
        return true;
      }
    }
    return false;
  }
}
