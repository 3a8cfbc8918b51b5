package co.softdrive.scim.resource;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.lifecycle.DeletionGuard;
import co.softdrive.scim.lifecycle.PendingDeletion;
import co.softdrive.scim.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;

/** Admin API for deletions held by the guard: list, approve, reject. */
@Path("admin/tenants/{tenantId}/pending-deletions")
@RequestScoped
@RolesAllowed({"support", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class AdminPendingDeletionsResource {
  static final int MAX_BODY = 1024 * 1024;

  @Inject TenantService tenants;
  @Inject DeletionGuard guard;
  @Context SecurityContext security;

  @GET
  public List<PendingDeletion> pending(
      @PathParam("tenantId") String tenantId, @QueryParam("limit") String limit) {
    tenants.require(tenantId);
    return guard.pending(tenantId, AdminJson.limit(limit, 500, 10_000));
  }

  /** {@code {"userIds": [...]}} or an empty body for all pending deletions of the tenant. */
  @POST
  @Path("approve")
  public JsonObject approve(@PathParam("tenantId") String tenantId, InputStream body) {
    return decide(tenantId, body, true);
  }

  @POST
  @Path("reject")
  public JsonObject reject(@PathParam("tenantId") String tenantId, InputStream body) {
    return decide(tenantId, body, false);
  }

  private JsonObject decide(String tenantId, InputStream body, boolean approve) {
    tenants.require(tenantId);
    JsonObject json = readOptional(body);
    List<String> ids = json == null ? null : AdminJson.strings(json, "userIds");
    String staff =
        security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
    int n = guard.decide(tenantId, ids, approve, Actor.staff(staff));
    return JSON.createObjectBuilder().add(approve ? "approved" : "rejected", n).build();
  }

  private static JsonObject readOptional(InputStream body) {
    try {
      byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY + 1);
      if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
        return null;
      }
      return JsonBodies.readObject(new java.io.ByteArrayInputStream(bytes), MAX_BODY);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
