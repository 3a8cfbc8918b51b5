package co.softdrive.scim.resource;

import co.softdrive.scim.audit.GroupDeletion;
import co.softdrive.scim.inspection.DeletedGroupDirectory;
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
 * Admin API: the records a tenant's deleted groups left. {@code GET
 * /api/v1/admin/tenants/{id}/deleted-groups?startIndex=1&count=100} lists the deletions newest
 * first; {@code GET .../deleted-groups/{groupId}?after=&limit=100} answers one group's newest
 * deletion, how many of its members it affected, and a page of its members at deletion time (by
 * user id, with their account state now; {@code nextAfter} is the next page's {@code after}).
 */
@Path("admin/tenants/{tenantId}/deleted-groups")
@RequestScoped
@RolesAllowed({"support", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class AdminDeletedGroupsResource {
  static final int MAX_COUNT = 500;

  @Inject TenantService tenants;
  @Inject DeletedGroupDirectory deletions;

  /** One page of group deletions. */
  public record DeletionPage(
      long totalResults, int startIndex, int itemsPerPage, List<GroupDeletion> items) {}

  @GET
  public DeletionPage list(
      @PathParam("tenantId") String tenantId,
      @QueryParam("startIndex") String startIndex,
      @QueryParam("count") String count) {
    tenants.require(tenantId);
    int first = AdminJson.parameter("startIndex", startIndex, 1, 1, Integer.MAX_VALUE);
    int size = AdminJson.parameter("count", count, 100, 1, MAX_COUNT);
    List<GroupDeletion> items = deletions.page(tenantId, first - 1, size);
    return new DeletionPage(deletions.count(tenantId), first, items.size(), items);
  }

  @GET
  @Path("{groupId}")
  public DeletedGroupDirectory.Detail get(
      @PathParam("tenantId") String tenantId,
      @PathParam("groupId") String groupId,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit) {
    tenants.require(tenantId);
    return deletions.get(
        tenantId, groupId, after, AdminJson.parameter("limit", limit, 100, 1, 500));
  }
}
