package co.softdrive.scim.resource;

import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.config.ScimConfig;
import co.softdrive.scim.protocol.json.ResourceView;
import co.softdrive.scim.provisioning.GroupProvisioning;
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

/** {@code /Groups} (RFC 7644 §3.3–§3.6): each method reads like a table of contents. */
@ScimApi
@Path("automations/scim/Groups")
@RequestScoped
@Produces({MediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({MediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class GroupsResource {
  @Inject ScimPrincipal principal;
  @Inject GroupProvisioning groups;
  @Inject ScimResponses responses;
  @Inject ScimConfig config;
  @Inject LimitsConfig limits;
  @Context UriInfo uri;

  @GET
  @RecordedAs("Groups.list")
  public Response list() {
    ListRequest request =
        ListRequest.fromQuery(uri.getQueryParameters(), config.defaultCount(), limits.limits());
    return responses.list(groups.list(principal.tenantId(), request.params()), request);
  }

  @POST
  @Path(".search")
  @RecordedAs("Groups.search")
  public Response search(InputStream body) {
    ListRequest request =
        ListRequest.fromSearchBody(
            JsonBodies.readObject(body, limits.limits()), config.defaultCount(), limits.limits());
    return responses.list(groups.list(principal.tenantId(), request.params()), request);
  }

  @POST
  @RecordedAs("Groups.create")
  public Response create(InputStream body) {
    ResourceView group =
        groups.create(
            principal.tenantId(), JsonBodies.readObject(body, limits.limits()), principal.actor());
    return responses.created(group, attributes(), excluded());
  }

  @GET
  @Path("{id}")
  @RecordedAs("Groups.get")
  public Response get(
      @PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
    ResourceView group = groups.get(principal.tenantId(), id);
    if (Conditional.notModified(ifNoneMatch, group)) {
      return Conditional.notModifiedResponse(group);
    }
    return responses.ok(group, attributes(), excluded());
  }

  @PUT
  @Path("{id}")
  @RecordedAs("Groups.replace")
  public Response replace(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, InputStream body) {
    ResourceView group =
        groups.replace(
            principal.tenantId(),
            id,
            JsonBodies.readObject(body, limits.limits()),
            ifMatch,
            principal.actor());
    return responses.ok(group, attributes(), excluded());
  }

  /**
   * 204 as Entra expects ("returning a body with a list of all the members isn't advisable"); 200
   * with the group when the client asks for it with {@code attributes} or {@code
   * excludedAttributes}.
   */
  @PATCH
  @Path("{id}")
  @RecordedAs("Groups.patch")
  public Response patch(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, InputStream body) {
    ResourceView group =
        groups.patch(
            principal.tenantId(), id, JsonBodies.readObject(body, limits.limits()), ifMatch);
    if (attributes().isEmpty() && excluded().isEmpty()) {
      return responses.noContent(group);
    }
    return responses.ok(group, attributes(), excluded());
  }

  @DELETE
  @Path("{id}")
  @RecordedAs("Groups.delete")
  public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
    groups.delete(principal.tenantId(), id, ifMatch, principal.actor());
    return Response.noContent().build();
  }

  private java.util.List<String> attributes() {
    return ListRequest.split(uri.getQueryParameters().getFirst("attributes"));
  }

  private java.util.List<String> excluded() {
    return ListRequest.split(uri.getQueryParameters().getFirst("excludedAttributes"));
  }
}
