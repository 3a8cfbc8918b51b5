package co.softdrive.scim.feed;

import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the change feed's cursors: moves committed rows of {@code change_event_pending} into {@code
 * change_event} in the order they were written, numbering them from the {@code outbox_sequence}
 * row, whose lock each batch holds until it commits. A row is only visible here once its writer has
 * committed, and cursors are only ever given under that lock, so cursors are gap-free, strictly
 * increasing, and never appear below one a consumer has already read. Any number of instances may
 * run it at once: they queue on the row lock.
 */
@ApplicationScoped
@QuietClientErrors
public class EventSequencer {
  /** Pending rows moved per transaction. */
  static final int BATCH = 1000;

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /**
   * Gives cursors to committed pending events, in the order they were written, until none is left;
   * returns how many it sequenced. Runs in its own transactions.
   */
  public int sequence() {
    int total = 0;
    int moved;
    do {
      moved = self().sequenceBatch();
      total += moved;
    } while (moved == BATCH);
    return total;
  }

  /** One transaction: at most {@link #BATCH} events. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int sequenceBatch() {
    Connection c = em.unwrap(Connection.class);
    try {
      if (!anyPending(c)) {
        return 0;
      }
      long last = lockSequence(c);
      List<Object[]> rows = pending(c);
      if (rows.isEmpty()) {
        return 0;
      }
      try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO change_event (seq, tenant_id, event_type, resource_type,"
                      + " resource_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement delete =
              c.prepareStatement("DELETE FROM change_event_pending WHERE id = ?")) {
        for (Object[] r : rows) {
          insert.setLong(1, ++last);
          for (int i = 1; i <= 6; i++) {
            insert.setObject(i + 1, r[i]);
          }
          insert.addBatch();
          delete.setLong(1, (Long) r[0]);
          delete.addBatch();
        }
        insert.executeBatch();
        delete.executeBatch();
      }
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE outbox_sequence SET last_value = ? WHERE name = 'events'")) {
        ps.setLong(1, last);
        ps.executeUpdate();
      }
      return rows.size();
    } catch (SQLException e) {
      throw new PersistenceException("Could not sequence change events", e);
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
  private static List<Object[]> pending(Connection c) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, tenant_id, event_type, resource_type, resource_id, occurred_at, payload"
                + " FROM change_event_pending ORDER BY id")) {
      ps.setMaxRows(BATCH);
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

  /** This bean through its proxy, so that each batch gets its own transaction. */
  private EventSequencer self() {
    return CDI.current().select(EventSequencer.class).get();
  }
}
