package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sequencer's statements on embedded Derby: committed pending events move to {@code
 * change_event} in the order they were written and leave the pending table, the delete probes the
 * primary key once per id, and a stream of batches does not make Derby recompile it.
 */
class ChangeFeedSequencingTest {
  private MemoryDatabase db;

  /** The test's connection, in a transaction; what a test leaves uncommitted is rolled back. */
  private Connection c;

  private long nextId = 1;

  @BeforeEach
  void open() throws SQLException {
    db = MemoryDatabase.migrated();
    c = db.dataSource().getConnection();
    c.setAutoCommit(false);
  }

  @AfterEach
  void close() throws SQLException {
    c.rollback();
    c.close();
    db.close();
  }

  @Test
  void aBatchMovesThePendingEventsInWriteOrderWithConsecutiveCursors() throws SQLException {
    pending(300); // chunks of 256 and 64 (44 ids padded by repeating the last)
    c.commit();
    assertEquals(300, ChangeFeed.sequenceBatch(c, 1000));
    pending(5);
    c.commit();
    assertEquals(3, ChangeFeed.sequenceBatch(c, 3));
    c.commit();

    assertEquals(2, count(c, "SELECT COUNT(*) FROM change_event_pending"));
    Map<Long, String> events = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT seq, resource_id FROM change_event")) {
      while (rs.next()) {
        events.put(rs.getLong(1), rs.getString(2));
      }
    }
    assertEquals(303, events.size());
    long seq = 1;
    for (Map.Entry<Long, String> e : events.entrySet()) {
      assertEquals(seq, e.getKey());
      assertEquals("r" + seq, e.getValue(), "cursor " + seq + " is the event written " + seq);
      seq++;
    }
    assertEquals(303, count(c, "SELECT last_value FROM outbox_sequence WHERE name = 'events'"));
  }

  @Test
  void theDeleteProbesThePrimaryKeyOncePerId() throws SQLException {
    ChangeFeed.deletePending(c, List.of(-1L, -2L, -3L, -4L)); // planned on an empty table
    c.commit();
    pending(2000);
    c.commit();
    DerbyPlans.record(c);
    ChangeFeed.deletePending(c, List.of(10L, 11L, 500L, 1999L));
    String plan = DerbyPlans.last(c);
    c.commit();
    assertTrue(plan.contains("Index Scan ResultSet for CHANGE_EVENT_PENDING"), plan);
    assertTrue(plan.contains("Rows seen = 4"), plan);
    assertEquals(1996, count(c, "SELECT COUNT(*) FROM change_event_pending"));
  }

  /**
   * Derby checks every 100 executions of a statement whether its tables grew or shrank much since
   * the plan was made, and recompiles it if so; the pending table swings between empty and full
   * with every batch. With a delete per event, these 40 batches (4,020 events) ran it 4,020 times
   * and Derby recompiled it dozens of times; with one per chunk it stays compiled.
   */
  @Test
  void aStreamOfBatchesLeavesTheDeleteCompiled() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CALL SYSCS_UTIL.SYSCS_SET_STATISTICS_TIMING(1)");
    }
    DerbyPlans.record(c);
    Map<String, String> compiled = null;
    for (int batch = 0; batch < 40; batch++) {
      pending(batch % 2 == 0 ? 1 : 200);
      c.commit();
      ChangeFeed.sequenceBatch(c, 1000);
      c.commit();
      if (batch == 1) { // both chunk sizes have run
        compiled = deleteCompilations(c);
        assertFalse(compiled.isEmpty(), "the delete is in Derby's statement cache");
      }
    }
    assertEquals(0, count(c, "SELECT COUNT(*) FROM change_event_pending"));
    assertEquals(compiled, deleteCompilations(c));
  }

  private void pending(int n) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO change_event_pending (id, tenant_id, event_type, resource_type,"
                + " resource_id, occurred_at, payload) VALUES (?, 't', 'user.created', 'User', ?,"
                + " 0, '{}')")) {
      for (int i = 0; i < n; i++) {
        long id = nextId++;
        ps.setLong(1, id);
        ps.setString(2, "r" + id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * When Derby compiled the plan of each cached delete of the pending table (one per chunk size),
   * read from the runtime statistics of one more execution, which deletes nothing (a plan marked
   * stale is compiled again by it). Derby notes the time of compilations made while the
   * connection's statistics timing is on.
   */
  private static Map<String, String> deleteCompilations(Connection c) throws SQLException {
    List<String> texts = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT CAST(SQL_TEXT AS VARCHAR(4000)) FROM SYSCS_DIAG.STATEMENT_CACHE")) {
      while (rs.next()) {
        if (rs.getString(1).startsWith("DELETE FROM change_event_pending")) {
          texts.add(rs.getString(1));
        }
      }
    }
    Map<String, String> compiled = new TreeMap<>();
    for (String text : texts) {
      try (PreparedStatement ps = c.prepareStatement(text)) {
        for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
          ps.setLong(i, -1);
        }
        ps.executeUpdate();
      }
      String plan = DerbyPlans.last(c);
      Matcher m = COMPILED.matcher(plan);
      assertTrue(m.find(), plan);
      compiled.put(text, m.group(1));
    }
    c.commit();
    return compiled;
  }

  private static final Pattern COMPILED =
      Pattern.compile("Begin Compilation Timestamp : (\\S+ \\S+)");

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
