package co.softdrive.scim.resource;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.feed.WebhookStore;
import co.softdrive.scim.feed.WebhookView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;

/** Admin API: webhook endpoints of the change feed and their delivery state. */
@Path("admin/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class AdminWebhooksResource {
  @Inject WebhookStore webhooks;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @GET
  @RolesAllowed({"support", "admin"})
  public List<WebhookView> listWebhooks() {
    return webhooks.list();
  }

  /**
   * {@code {"url": "https://...", "tenantId": "..." (optional: all tenants), "after": cursor
   * (optional: from now)}} → 201 with the signing secret, shown once.
   */
  @POST
  @RolesAllowed("admin")
  public Response createWebhook(InputStream body) {
    JsonObject json = JsonBodies.readObject(body, 16 * 1024);
    WebhookStore.Created created =
        webhooks.create(
            AdminJson.string(json, "tenantId"),
            AdminJson.string(json, "url"),
            AdminJson.longValue(json, "after"),
            security.getUserPrincipal().getName());
    WebhookView w = created.webhook();
    JsonObject out =
        JSON.createObjectBuilder()
            .add("id", w.id())
            .add("url", w.url())
            .add(
                "tenantId",
                w.tenantId() == null ? jakarta.json.JsonValue.NULL : JSON.createValue(w.tenantId()))
            .add("deliveredThroughCursor", w.deliveredThroughCursor())
            .add("secret", created.secret())
            .build();
    return Response.created(uri.getAbsolutePathBuilder().path(w.id()).build())
        .header("Cache-Control", "no-store")
        .entity(out)
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({"support", "admin"})
  public WebhookView getWebhook(@PathParam("id") String id) {
    return webhooks.get(id);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("admin")
  public Response deleteWebhook(@PathParam("id") String id) {
    webhooks.delete(id);
    return Response.noContent().build();
  }
}
