package co.softdrive.scim.resource;

import co.softdrive.scim.inspection.Deactivations;
import co.softdrive.scim.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * Admin API: a tenant's mass deactivations, as the console's deactivations page shows them: {@code
 * GET /api/v1/admin/tenants/{id}/deactivations?hours=24} (1 to 336) answers the window, the counts
 * per audit action, the deletions before the deletion guard tripped, when it tripped, and the
 * deletions and holds oldest first (at most 500, {@code truncated} beyond).
 */
@Path("admin/tenants/{tenantId}/deactivations")
@RequestScoped
@RolesAllowed({"support", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class AdminDeactivationsResource {
  @Inject TenantService tenants;
  @Inject Deactivations deactivations;

  @GET
  public Deactivations.Window window(
      @PathParam("tenantId") String tenantId, @QueryParam("hours") String hours) {
    tenants.require(tenantId);
    int h = AdminJson.parameter("hours", hours, 24, 1, Deactivations.MAX_HOURS);
    return deactivations.window(tenantId, h, Instant.now());
  }
}
