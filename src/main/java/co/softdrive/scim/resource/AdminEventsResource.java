package co.softdrive.scim.resource;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.feed.FeedEvent;
import co.softdrive.scim.feed.Outbox;
import co.softdrive.scim.feed.WebhookStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The change feed for the rest of Softdrive: {@code GET /api/v1/admin/events?after=&limit=} (staff,
 * or a consumer account with role {@code events}).
 */
@Path("admin/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class AdminEventsResource {
  @Inject Outbox outbox;
  @Inject WebhookStore webhooks;
  @Context SecurityContext security;
  @Context UriInfo uri;

  /** Events after a cursor, in cursor order; {@code nextCursor} is what to pass next time. */
  @GET
  @RolesAllowed({"support", "admin", "events"})
  public JsonObject events(
      @QueryParam("after") String after,
      @QueryParam("limit") String limit,
      @QueryParam("tenantId") String tenantId) {
    long from = AdminJson.cursor(after);
    List<FeedEvent> events = outbox.read(from, AdminJson.limit(limit, 100, 1000), tenantId);
    JsonArrayBuilder array = JSON.createArrayBuilder();
    events.forEach(e -> array.add(e.toJson()));
    long next = events.isEmpty() ? from : events.get(events.size() - 1).cursor();
    return JSON.createObjectBuilder().add("events", array).add("nextCursor", next).build();
  }
}
