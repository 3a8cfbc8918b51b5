package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The change feed's tables ({@code change_event_pending}, {@code change_event}, {@code
 * outbox_sequence}), in the caller's transaction. Writing pending events and sequencing them are
 * plain JDBC: batched inserts without an entity per event, a PostgreSQL sequence or an instance
 * counter for the pending ids (Derby's identity columns failed concurrent writers with lock
 * timeouts), and the sequencer's lock on the {@code outbox_sequence} row held until its transaction
 * commits (docs/architecture.md, "Change feed ordering").
 */
@ApplicationScoped
public class ChangeFeed {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Inject TxConnections connections;

  /** Derby only: the next pending-event id, seeded from the table on first use. */
  private final AtomicLong nextDerbyId = new AtomicLong(-1);

  /** An event written by a change, before it has a cursor; the payload is JSON text. */
  public record Pending(
      TenantId tenant, String type, String resourceType, String resourceId, String payload) {}

  /** A sequenced event as stored. */
  public record Stored(
      long seq,
      String tenantId,
      String type,
      String resourceType,
      String resourceId,
      long occurredAt,
      String payload) {}

  /** Inserts pending events in the caller's transaction, taking no shared lock. */
  public void append(List<Pending> events, long now) {
    if (events.isEmpty()) {
      return;
    }
    connections.run(
        "write change events",
        c -> {
          boolean postgres = Dialect.of(c) == Dialect.POSTGRES;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO change_event_pending (id, tenant_id, event_type, resource_type,"
                      + " resource_id, occurred_at, payload) VALUES ("
                      + (postgres ? "nextval('change_event_pending_seq')" : "?")
                      + ", ?, ?, ?, ?, ?, ?)")) {
            for (Pending e : events) {
              int p = 1;
              if (!postgres) {
                ps.setLong(p++, nextDerbyId(c));
              }
              ps.setString(p++, e.tenant().value());
              ps.setString(p++, e.type());
              ps.setString(p++, e.resourceType());
              ps.setString(p++, e.resourceId());
              ps.setLong(p++, now);
              ps.setString(p, e.payload());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
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
   * Moves at most {@code batch} committed pending events into {@code change_event}, in the order
   * they were written, numbering them from the {@code outbox_sequence} row, whose lock is taken
   * first and held until the caller's transaction commits; returns how many it moved.
   */
  public int sequenceBatch(int batch) {
    try {
      return sequenceBatch(em.unwrap(Connection.class), batch);
    } catch (SQLException e) {
      throw new PersistenceException("Could not sequence change events", e);
    }
  }

  /** {@link #sequenceBatch(int)} on a connection in a transaction (not auto-commit). */
  static int sequenceBatch(Connection c, int batch) throws SQLException {
    if (!anyPending(c)) {
      return 0;
    }
    long last = lockSequence(c);
    List<Object[]> rows = pending(c, batch);
    if (rows.isEmpty()) {
      return 0;
    }
    List<Long> moved = new ArrayList<>(rows.size());
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO change_event (seq, tenant_id, event_type, resource_type,"
                + " resource_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Object[] r : rows) {
        insert.setLong(1, ++last);
        for (int i = 1; i <= 6; i++) {
          insert.setObject(i + 1, r[i]);
        }
        insert.addBatch();
        moved.add((Long) r[0]);
      }
      insert.executeBatch();
    }
    deletePending(c, moved);
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE outbox_sequence SET last_value = ? WHERE name = 'events'")) {
      ps.setLong(1, last);
      ps.executeUpdate();
    }
    return rows.size();
  }

  /**
   * Deletes the pending rows just moved: one statement per padded chunk of ids (a probe of the
   * primary key per id), not one per row. Every batch empties the table, and embedded Derby
   * recompiles a statement whose table it finds much larger or smaller than when the plan was made,
   * which it checks every 100 executions of the statement: run once per event, the delete was
   * recompiled about once per 100 events, each time a new generated class for the JIT compiler to
   * compile again (docs/benchmarks.md).
   */
  static void deletePending(Connection c, List<Long> ids) throws SQLException {
    for (List<Long> chunk : InLists.padded(ids)) {
      try (PreparedStatement delete =
          c.prepareStatement(
              "DELETE FROM change_event_pending WHERE id IN ("
                  + InLists.parameters(chunk.size())
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          delete.setLong(i + 1, chunk.get(i));
        }
        delete.executeUpdate();
      }
    }
  }

  private static boolean anyPending(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MIN(id) FROM change_event_pending");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      rs.getLong(1);
      return !rs.wasNull();
    }
  }

  /** Locks the sequence row (held until commit) and returns its value. */
  private static long lockSequence(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE outbox_sequence SET last_value = last_value WHERE name = 'events'")) {
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
            c.prepareStatement("SELECT last_value FROM outbox_sequence WHERE name = 'events'");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The oldest committed pending events: id, then the columns change_event takes. */
  private static List<Object[]> pending(Connection c, int batch) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, tenant_id, event_type, resource_type, resource_id, occurred_at, payload"
                + " FROM change_event_pending ORDER BY id")) {
      ps.setMaxRows(batch);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Object[] {
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getString(7)
              });
        }
      }
    }
    return rows;
  }

  /** Sequenced events after cursor {@code after}, of every tenant, in cursor order. */
  public List<Stored> read(long after, int limit) {
    return read(null, after, limit);
  }

  /** The tenant's sequenced events after cursor {@code after}, in cursor order. */
  public List<Stored> read(TenantId tenant, long after, int limit) {
    String sql =
        "SELECT seq, tenant_id, event_type, resource_type, resource_id, occurred_at, payload"
            + " FROM change_event WHERE seq > ?1"
            + (tenant == null ? "" : " AND tenant_id = ?2")
            + " ORDER BY seq";
    jakarta.persistence.Query q =
        em.createNativeQuery(sql).setParameter(1, after).setMaxResults(limit);
    if (tenant != null) {
      q.setParameter(2, tenant.value());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    List<Stored> events = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      events.add(
          new Stored(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              ((Number) r[5]).longValue(),
              clob(r[6])));
    }
    return events;
  }

  /** The newest cursor given (0 when none). */
  public long head() {
    return ((Number)
            em.createNativeQuery("SELECT last_value FROM outbox_sequence WHERE name = 'events'")
                .getSingleResult())
        .longValue();
  }

  private static String clob(Object value) {
    if (value instanceof Clob c) {
      try {
        return c.getSubString(1, (int) c.length());
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read event payload", e);
      }
    }
    return (String) value;
  }
}
