package co.softdrive.scim.resource;

import co.softdrive.scim.audit.AuditEntry;
import co.softdrive.scim.audit.AuditTrail;
import co.softdrive.scim.protocol.error.ScimBadRequest;
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

/**
 * Admin API: purged users of a tenant found by the start of their userName, case-insensitively,
 * from the audit trail (their SCIM record is gone, their history is not): {@code GET
 * /api/v1/admin/tenants/{id}/purged-users?userName=jo&limit=20&before=}, newest first; {@code
 * before} is the {@code id} of the last entry of the previous page.
 */
@Path("admin/tenants/{tenantId}/purged-users")
@RequestScoped
@RolesAllowed({"support", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class AdminPurgedUsersResource {
  @Inject TenantService tenants;
  @Inject AuditTrail audit;

  @GET
  public List<AuditEntry> search(
      @PathParam("tenantId") String tenantId,
      @QueryParam("userName") String userName,
      @QueryParam("before") String before,
      @QueryParam("limit") String limit) {
    tenants.require(tenantId);
    if (userName == null || userName.isBlank()) {
      throw ScimBadRequest.invalidValue(
          "userName is required: purged users are found by the start of their userName");
    }
    return audit.purgedByName(
        tenantId, userName, beforeId(before), AdminJson.parameter("limit", limit, 20, 1, 200));
  }

  private static Long beforeId(String before) {
    if (before == null || before.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(before.strip());
    } catch (NumberFormatException e) {
      throw ScimBadRequest.invalidValue("before must be the id of an entry (an integer)");
    }
  }
}
