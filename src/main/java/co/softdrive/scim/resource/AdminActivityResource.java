package co.softdrive.scim.resource;

import co.softdrive.scim.activity.ActivityEntry;
import co.softdrive.scim.activity.ActivityFilter;
import co.softdrive.scim.activity.ActivityStore;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A tenant's provisioning activity for scripting: {@code GET
 * /api/v1/admin/tenants/{id}/activity?from=&to=&status=4xx&operation=Users.patch&resourceId=&startIndex=1&count=100},
 * newest first. {@code from}/{@code to} are ISO-8601 instants (default: the last 24 hours).
 */
@Path("admin/tenants/{tenantId}/activity")
@RequestScoped
@RolesAllowed({"support", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class AdminActivityResource {
  static final int MAX_COUNT = 500;

  @Inject TenantService tenants;
  @Inject ActivityStore activity;

  /** One page of activity. */
  public record ActivityPage(
      long totalResults, int startIndex, int itemsPerPage, List<Item> items) {}

  /** One recorded request as the admin API shows it. */
  public record Item(
      Instant at,
      String tokenPrefix,
      String method,
      String path,
      String operation,
      String resourceType,
      String resourceId,
      int status,
      String scimType,
      String detail,
      String filter,
      int latencyMs,
      String resourceName,
      String change,
      String changeKind) {
    static Item of(ActivityEntry e) {
      var c = e.change();
      return new Item(
          Instant.ofEpochMilli(e.atMillis()),
          e.tokenPrefix(),
          e.method(),
          e.path(),
          e.operation(),
          e.resourceType(),
          e.resourceId(),
          e.status(),
          e.scimType(),
          e.detail(),
          e.filter(),
          e.latencyMs(),
          c == null ? null : c.resourceName(),
          c == null ? null : c.summary(),
          c == null ? null : c.kind());
    }
  }

  @GET
  public ActivityPage list(
      @PathParam("tenantId") String tenantId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("status") String status,
      @QueryParam("operation") String operation,
      @QueryParam("resourceId") String resourceId,
      @QueryParam("startIndex") @DefaultValue("1") int startIndex,
      @QueryParam("count") @DefaultValue("100") int count) {
    tenants.require(tenantId);
    Instant end = instant("to", to, Instant.now());
    Instant start = instant("from", from, end.minus(Duration.ofDays(1)));
    Integer statusClass;
    try {
      statusClass = ActivityFilter.statusClassOf(status);
    } catch (IllegalArgumentException e) {
      throw ScimBadRequest.invalidValue(e.getMessage());
    }
    ActivityFilter filter =
        new ActivityFilter(tenantId, start, end, statusClass, operation, resourceId);
    int first = Math.max(1, startIndex);
    int size = Math.max(1, Math.min(MAX_COUNT, count));
    List<Item> items = activity.page(filter, first - 1, size).stream().map(Item::of).toList();
    return new ActivityPage(activity.count(filter), first, items.size(), items);
  }

  private static Instant instant(String name, String text, Instant otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ScimBadRequest.invalidValue(
          name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }
}
