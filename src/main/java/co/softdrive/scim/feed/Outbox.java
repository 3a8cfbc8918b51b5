package co.softdrive.scim.feed;

import co.softdrive.scim.persistence.Dialect;
import co.softdrive.scim.protocol.json.ScimJson;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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
 * it; concurrent sequencers queue on the row lock.
 */
@ApplicationScoped
@QuietClientErrors
public class Outbox {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Inject EventSequencer sequencer;

  /** Derby only: the next pending-event id, seeded from the table on first use. */
  private final AtomicLong nextDerbyId = new AtomicLong(-1);

  /** Appends events in the caller's transaction. */
  public void append(List<ChangeEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    Connection c = em.unwrap(Connection.class);
    try {
      boolean postgres = Dialect.of(c) == Dialect.POSTGRES;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO change_event_pending (id, tenant_id, event_type, resource_type,"
                  + " resource_id, occurred_at, payload) VALUES ("
                  + (postgres ? "nextval('change_event_pending_seq')" : "?")
                  + ", ?, ?, ?, ?, ?, ?)")) {
        for (ChangeEvent e : events) {
          int p = 1;
          if (!postgres) {
            ps.setLong(p++, nextDerbyId(c));
          }
          ps.setString(p++, e.tenantId());
          ps.setString(p++, e.type());
          ps.setString(p++, e.resourceType());
          ps.setString(p++, e.resourceId());
          ps.setLong(p++, now);
          ps.setString(p, e.data().toString());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not write change events", e);
    }
  }

  /**
   * Ids increase in the order events are written within this instance, which is the only one on an
   * embedded database; after a restart they continue above the highest pending id.
   */
  private long nextDerbyId(Connection c) throws SQLException {
    if (nextDerbyId.get() < 0) {
      synchronized (nextDerbyId) {
        if (nextDerbyId.get() < 0) {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT MAX(id) FROM change_event_pending");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            nextDerbyId.set(rs.getLong(1) + 1);
          }
        }
      }
    }
    return nextDerbyId.getAndIncrement();
  }

  /**
   * Events after {@code after} in cursor order, optionally of one tenant; sequences what is pending
   * first, so the result holds every change committed before the call.
   */
  @Transactional
  public List<FeedEvent> read(long after, int limit, String tenantId) {
    sequencer.sequence();
    String sql =
        "SELECT seq, tenant_id, event_type, resource_type, resource_id, occurred_at, payload"
            + " FROM change_event WHERE seq > ?1"
            + (tenantId == null ? "" : " AND tenant_id = ?2")
            + " ORDER BY seq";
    Query q = em.createNativeQuery(sql).setParameter(1, after).setMaxResults(limit);
    if (tenantId != null) {
      q.setParameter(2, tenantId);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    List<FeedEvent> events = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      events.add(
          new FeedEvent(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              Instant.ofEpochMilli(((Number) r[5]).longValue()),
              ScimJson.parseStored(clob(r[6]))));
    }
    return events;
  }

  /** The newest cursor (0 when empty), after sequencing what is pending. */
  @Transactional
  public long head() {
    sequencer.sequence();
    return ((Number)
            em.createNativeQuery("SELECT last_value FROM outbox_sequence WHERE name = 'events'")
                .getSingleResult())
        .longValue();
  }

  static String clob(Object value) {
    if (value instanceof java.sql.Clob c) {
      try {
        return c.getSubString(1, (int) c.length());
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("Cannot read event payload", e);
      }
    }
    return (String) value;
  }
}
