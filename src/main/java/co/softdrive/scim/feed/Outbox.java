package co.softdrive.scim.feed;

import co.softdrive.scim.provisioning.ScimJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The change feed's outbox: events are written in the same transaction as the change they
 * describe, so an event exists exactly when its change was committed, and nothing is lost if the
 * server dies between commit and delivery.
 *
 * <p>Cursors are strictly increasing across the whole deployment <em>and in commit order</em>:
 * each writing transaction takes the next values from the single {@code outbox_sequence} row as
 * its very last statement and holds that row lock until it commits. A consumer that has read up
 * to cursor c can therefore never later see a newly committed event with a cursor below c.
 */
@ApplicationScoped
public class Outbox {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /** Appends events in the caller's transaction; call it last, just before commit. */
  public void append(List<ChangeEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    em.flush();
    int n = events.size();
    em.createNativeQuery(
            "UPDATE outbox_sequence SET last_value = last_value + ?1 WHERE name = 'events'")
        .setParameter(1, n)
        .executeUpdate();
    long last =
        ((Number)
                em.createNativeQuery("SELECT last_value FROM outbox_sequence WHERE name = 'events'")
                    .getSingleResult())
            .longValue();
    long seq = last - n + 1;
    long now = System.currentTimeMillis();
    Connection c = em.unwrap(Connection.class);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO change_event (seq, tenant_id, event_type, resource_type, resource_id,"
                + " occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (ChangeEvent e : events) {
        ps.setLong(1, seq++);
        ps.setString(2, e.tenantId());
        ps.setString(3, e.type());
        ps.setString(4, e.resourceType());
        ps.setString(5, e.resourceId());
        ps.setLong(6, now);
        ps.setString(7, e.data().toString());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceException("Could not write change events", e);
    }
  }

  /** Events after {@code after} in cursor order, optionally of one tenant. */
  @Transactional
  public List<FeedEvent> read(long after, int limit, String tenantId) {
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

  /** The newest cursor (0 when empty). */
  @Transactional
  public long head() {
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
