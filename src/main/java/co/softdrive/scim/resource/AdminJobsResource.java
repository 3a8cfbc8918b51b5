package co.softdrive.scim.resource;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.lifecycle.TombstonePurge;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Admin API: run a scheduled job now (it also runs on its schedule). When another instance is
 * running it at that moment, nothing more is done and {@code purged} is 0.
 */
@Path("admin/jobs")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminJobsResource {
  @Inject TombstonePurge purge;

  @POST
  @Path("tombstone-purge")
  public JsonObject runPurge() {
    return JSON.createObjectBuilder().add("purged", purge.runNow()).build();
  }
}
