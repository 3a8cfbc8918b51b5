package co.softdrive.scim.resource;

import co.softdrive.scim.audit.AuditEntry;
import co.softdrive.scim.audit.AuditTrail;
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
import java.util.List;

/** Admin API: a tenant's account audit trail, newest first, optionally for one user. */
@Path("admin/tenants/{tenantId}/audit")
@RequestScoped
@RolesAllowed({"support", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {
  @Inject TenantService tenants;
  @Inject AuditTrail audit;

  @GET
  public List<AuditEntry> audit(
      @PathParam("tenantId") String tenantId,
      @QueryParam("userId") String userId,
      @QueryParam("before") Long before,
      @QueryParam("limit") String limit) {
    tenants.require(tenantId);
    return audit.list(tenantId, userId, before, AdminJson.limit(limit, 100, 1000));
  }
}
