package co.softdrive.scim.feed;

import co.softdrive.scim.persistence.ChangeFeed;
import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.protocol.json.ScimJson;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The change feed's outbox: events are written in the same transaction as the change they describe,
 * so an event exists exactly when its change was committed, and nothing is lost if the server dies
 * between commit and delivery.
 *
 * <p>Writers take no shared lock: they insert into {@code change_event_pending}. The {@link
 * EventSequencer} moves <em>committed</em> pending rows into {@code change_event}, in the order
 * they were written, giving them the next cursors from the single {@code outbox_sequence} row,
 * whose lock it holds until it commits. Cursors are therefore strictly increasing across the whole
 * deployment and without gaps, and a consumer that has read up to cursor c can never later see a
 * new event with a cursor below c. Every instance runs the sequencer every {@code
 * scim.feed.sequence-millis} and before every read, so a read sees every change committed before
 * it; concurrent sequencers queue on the row lock. The tables are written and read through {@link
 * ChangeFeed}.
 */
@ApplicationScoped
@QuietClientErrors
public class Outbox {
  @Inject ChangeFeed feed;
  @Inject EventSequencer sequencer;

  /** Appends events in the caller's transaction. */
  public void append(List<ChangeEvent> events) {
    feed.append(
        events.stream()
            .map(
                e ->
                    new ChangeFeed.Pending(
                        TenantId.of(e.tenantId()),
                        e.type(),
                        e.resourceType(),
                        e.resourceId(),
                        e.data().toString()))
            .toList(),
        System.currentTimeMillis());
  }

  /**
   * Events after {@code after} in cursor order, optionally of one tenant; sequences what is pending
   * first, so the result holds every change committed before the call.
   */
  @Transactional
  public List<FeedEvent> read(long after, int limit, String tenantId) {
    sequencer.sequence();
    if (tenantId != null && tenantId.isBlank()) {
      return List.of(); // no tenant has a blank id
    }
    List<ChangeFeed.Stored> rows =
        tenantId == null ? feed.read(after, limit) : feed.read(TenantId.of(tenantId), after, limit);
    return rows.stream()
        .map(
            r ->
                new FeedEvent(
                    r.seq(),
                    r.tenantId(),
                    r.type(),
                    r.resourceType(),
                    r.resourceId(),
                    Instant.ofEpochMilli(r.occurredAt()),
                    ScimJson.parseStored(r.payload())))
        .toList();
  }

  /** The newest cursor (0 when empty), after sequencing what is pending. */
  @Transactional
  public long head() {
    sequencer.sequence();
    return feed.head();
  }
}
