package co.softdrive.scim.resource;

import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.config.ScimConfig;
import co.softdrive.scim.protocol.json.ResourceView;
import co.softdrive.scim.provisioning.UserProvisioning;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

/** {@code /Users} (RFC 7644 §3.3–§3.6): each method reads like a table of contents. */
@ScimApi
@Path("automations/scim/Users")
@RequestScoped
@Produces({MediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({MediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class UsersResource {
  @Inject ScimPrincipal principal;
  @Inject UserProvisioning users;
  @Inject ScimResponses responses;
  @Inject ScimConfig config;
  @Inject LimitsConfig limits;
  @Context UriInfo uri;

  @GET
  @RecordedAs("Users.list")
  public Response list() {
    ListRequest request =
        ListRequest.fromQuery(uri.getQueryParameters(), config.defaultCount(), limits.limits());
    return responses.list(users.list(principal.tenantId(), request.params()), request);
  }

  @POST
  @Path(".search")
  @RecordedAs("Users.search")
  public Response search(InputStream body) {
    ListRequest request =
        ListRequest.fromSearchBody(
            JsonBodies.readObject(body, limits.limits()), config.defaultCount(), limits.limits());
    return responses.list(users.list(principal.tenantId(), request.params()), request);
  }

  @POST
  @RecordedAs("Users.create")
  public Response create(InputStream body) {
    ResourceView user =
        users.create(
            principal.tenantId(), JsonBodies.readObject(body, limits.limits()), principal.actor());
    return responses.created(user, attributes(), excluded());
  }

  @GET
  @Path("{id}")
  @RecordedAs("Users.get")
  public Response get(
      @PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
    ResourceView user = users.get(principal.tenantId(), id);
    if (Conditional.notModified(ifNoneMatch, user)) {
      return Conditional.notModifiedResponse(user);
    }
    return responses.ok(user, attributes(), excluded());
  }

  @PUT
  @Path("{id}")
  @RecordedAs("Users.replace")
  public Response replace(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, InputStream body) {
    ResourceView user =
        users.replace(
            principal.tenantId(),
            id,
            JsonBodies.readObject(body, limits.limits()),
            ifMatch,
            principal.actor());
    return responses.ok(user, attributes(), excluded());
  }

  /** 200 with the user: Microsoft's validator reads the PATCH response. */
  @PATCH
  @Path("{id}")
  @RecordedAs("Users.patch")
  public Response patch(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, InputStream body) {
    ResourceView user =
        users.patch(
            principal.tenantId(),
            id,
            JsonBodies.readObject(body, limits.limits()),
            ifMatch,
            principal.actor());
    return responses.ok(user, attributes(), excluded());
  }

  @DELETE
  @Path("{id}")
  @RecordedAs("Users.delete")
  public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
    users.delete(principal.tenantId(), id, ifMatch, principal.actor());
    return Response.noContent().build();
  }

  private java.util.List<String> attributes() {
    return ListRequest.split(uri.getQueryParameters().getFirst("attributes"));
  }

  private java.util.List<String> excluded() {
    return ListRequest.split(uri.getQueryParameters().getFirst("excludedAttributes"));
  }
}
