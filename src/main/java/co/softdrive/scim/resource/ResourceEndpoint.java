package co.softdrive.scim.resource;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.config.ScimConfig;
import co.softdrive.scim.protocol.json.ResourceView;
import co.softdrive.scim.query.ListParams;
import co.softdrive.scim.query.Page;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;

/**
 * The SCIM edge of one resource type (RFC 7644 §3.3–§3.6), written once for Users and Groups: list,
 * {@code .search}, create, read ({@code If-None-Match}), replace, PATCH and delete ({@code
 * If-Match}), with projection, {@code Location} and {@code ETag} from {@link ScimResponses}. A
 * subclass names its root path and hands each operation to its provisioning service; it may change
 * how a PATCH is answered ({@link #patched}). Each method reads like a table of contents.
 *
 * <p>One root class per resource type, not one class on {@code {type: Users|Groups}}: JAX-RS picks
 * a single root class by its literal path and never falls back, and the discovery root is templated
 * too.
 *
 * <p>The subclasses are application-scoped: they hold nothing but injected services and proxies
 * (the principal, {@link ScimResponses} and {@link UriInfo} answer for the current request), so
 * that no endpoint is created and injected for every request (docs/benchmarks.md).
 */
@Produces({MediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({MediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public abstract class ResourceEndpoint {
  @Inject ScimPrincipal principal;
  @Inject ScimResponses responses;
  @Inject ScimConfig config;
  @Inject LimitsConfig limits;
  @Context UriInfo uri;

  // The hooks: each hands one operation to the provisioning service of the resource type.

  abstract Page<ResourceView> list(String tenantId, ListParams params);

  abstract ResourceView create(String tenantId, JsonObject body, Actor actor);

  abstract ResourceView find(String tenantId, String id);

  abstract ResourceView replace(
      String tenantId, String id, JsonObject body, String ifMatch, Actor actor);

  abstract ResourceView patch(
      String tenantId, String id, JsonObject body, String ifMatch, Actor actor);

  abstract void delete(String tenantId, String id, String ifMatch, Actor actor);

  /** How a PATCH is answered: 200 with the resource, projected as asked. */
  Response patched(ResourceView view) {
    return responses.ok(view, attributes(), excluded());
  }

  @GET
  @RecordedAs("list")
  public Response list() {
    ListRequest request =
        ListRequest.fromQuery(uri.getQueryParameters(), config.defaultCount(), limits.limits());
    return responses.list(list(principal.tenantId(), request.params()), request);
  }

  @POST
  @Path(".search")
  @RecordedAs("search")
  public Response search(InputStream body) {
    ListRequest request =
        ListRequest.fromSearchBody(
            JsonBodies.readObject(body, limits.limits()), config.defaultCount(), limits.limits());
    return responses.list(list(principal.tenantId(), request.params()), request);
  }

  @POST
  @RecordedAs("create")
  public Response create(InputStream body) {
    ResourceView view =
        create(
            principal.tenantId(), JsonBodies.readObject(body, limits.limits()), principal.actor());
    return responses.created(view, attributes(), excluded());
  }

  @GET
  @Path("{id}")
  @RecordedAs("get")
  public Response get(
      @PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
    ResourceView view = find(principal.tenantId(), id);
    if (Conditional.notModified(ifNoneMatch, view)) {
      return Conditional.notModifiedResponse(view);
    }
    return responses.ok(view, attributes(), excluded());
  }

  @PUT
  @Path("{id}")
  @RecordedAs("replace")
  public Response replace(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, InputStream body) {
    ResourceView view =
        replace(
            principal.tenantId(),
            id,
            JsonBodies.readObject(body, limits.limits()),
            ifMatch,
            principal.actor());
    return responses.ok(view, attributes(), excluded());
  }

  @PATCH
  @Path("{id}")
  @RecordedAs("patch")
  public Response patch(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, InputStream body) {
    return patched(
        patch(
            principal.tenantId(),
            id,
            JsonBodies.readObject(body, limits.limits()),
            ifMatch,
            principal.actor()));
  }

  @DELETE
  @Path("{id}")
  @RecordedAs("delete")
  public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
    delete(principal.tenantId(), id, ifMatch, principal.actor());
    return Response.noContent().build();
  }

  /** The {@code attributes} query parameter (RFC 7644 §3.9). */
  List<String> attributes() {
    return ListRequest.split(uri.getQueryParameters().getFirst("attributes"));
  }

  /** The {@code excludedAttributes} query parameter (RFC 7644 §3.9). */
  List<String> excluded() {
    return ListRequest.split(uri.getQueryParameters().getFirst("excludedAttributes"));
  }
}
