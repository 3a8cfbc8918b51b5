package co.softdrive.scim.resource;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.staff.StaffService;
import co.softdrive.scim.staff.StaffService.StaffView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Admin API for staff accounts: admins only. */
@Path("admin/staff")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class AdminStaffResource {
  static final int MAX_BODY = 16 * 1024;

  @Inject StaffService staff;
  @Context UriInfo uri;

  @GET
  public List<StaffView> list() {
    return staff.list();
  }

  /** {@code {"username": "...", "password": "...", "roles": ["support"]}}. */
  @POST
  public Response create(InputStream body) {
    JsonObject json = JsonBodies.readObject(body, MAX_BODY);
    StaffView created =
        staff.create(
            AdminJson.string(json, "username"), AdminJson.string(json, "password"), roles(json));
    return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build())
        .entity(created)
        .build();
  }

  /** Disable/enable, reset password, change roles: {@code {"enabled": false}} etc. */
  @PATCH
  @Path("{username}")
  public StaffView update(@PathParam("username") String username, InputStream body) {
    JsonObject json = JsonBodies.readObject(body, MAX_BODY);
    Boolean enabled = null;
    if (json.containsKey("enabled")) {
      JsonValue v = json.get("enabled");
      if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
        throw ScimBadRequest.invalidValue("enabled must be true or false");
      }
      enabled = v == JsonValue.TRUE;
    }
    return staff.update(
        username,
        enabled,
        AdminJson.string(json, "password"),
        json.containsKey("roles") ? roles(json) : null);
  }

  private static Set<String> roles(JsonObject json) {
    JsonValue v = json.get("roles");
    if (!(v instanceof JsonArray array)) {
      throw ScimBadRequest.invalidValue("roles must be an array such as [\"support\"]");
    }
    Set<String> roles = new LinkedHashSet<>();
    for (JsonValue r : array) {
      if (!(r instanceof JsonString s)) {
        throw ScimBadRequest.invalidValue("roles must be strings");
      }
      roles.add(s.getString());
    }
    return roles;
  }
}
