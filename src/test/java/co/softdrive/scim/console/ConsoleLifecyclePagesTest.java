package co.softdrive.scim.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.audit.AuditEntry;
import co.softdrive.scim.inspection.Slice;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The pending-deletions page and the user's account-state history, without a container. */
class ConsoleLifecyclePagesTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void decisionsAreCountedInTheMessage() {
    assertEquals(
        "1 held deletion approved: the account is deleted now (the SCIM records stay as tombstones).",
        PendingPage.summary(1, true));
    assertEquals(
        "3 held deletions approved: the accounts are deleted now (the SCIM records stay as tombstones).",
        PendingPage.summary(3, true));
    assertEquals(
        "2 held deletions rejected: the accounts are kept and active again.",
        PendingPage.summary(2, false));
    assertTrue(PendingPage.summary(0, true).startsWith("Nothing was decided"));
  }

  @Test
  void allMeansWhatThePageShowed() {
    assertNull(PendingPage.changedSince(4, 4));
    assertEquals("Nothing is waiting for a decision.", PendingPage.changedSince(0, 0));
    String changed = PendingPage.changedSince(4, 9);
    assertTrue(
        changed.startsWith("The list changed: 9 deletions are held now, the page showed 4."),
        changed);
    assertTrue(PendingPage.changedSince(2, 1).contains("1 deletion is held now"));
  }

  @Test
  void guardRuleNamesTheEffectiveThresholds() {
    String rule = PendingPage.guardRule(10, 1, 60);
    assertTrue(rule.startsWith("When more than 1 accounts and more than 10% "), rule);
    assertTrue(rule.contains("within 60 minutes"), rule);
    assertTrue(PendingPage.guardRule(20, 25, 0).contains("off"));
  }

  @Test
  void heldDeletionsAreListedOldestFirstUnlessSorted() {
    assertEquals(
        new Slice(25, 25, "accountStateAt", true),
        PendingPage.oldestFirst(new Slice(25, 25, null, true)));
    Slice byName = new Slice(0, 25, "userName", false);
    assertSame(byName, PendingPage.oldestFirst(byName));
  }

  @Test
  void historyPagesByTheIdOfTheLastEntryShown() {
    List<AuditEntry> fetched = entries(30, 10); // ids 30 down to 10: 21 entries
    assertEquals(20, UserPage.firstPage(fetched, 20).size());
    assertEquals(30, UserPage.firstPage(fetched, 20).get(0).id());
    assertEquals(11L, UserPage.olderCursor(fetched, 20));
    List<AuditEntry> last = entries(10, 1);
    assertEquals(10, UserPage.firstPage(last, 20).size());
    assertNull(UserPage.olderCursor(last, 20));
    assertNull(UserPage.olderCursor(List.of(), 20));
  }

  @Test
  void transitionsAndActorsReadAsText() {
    assertEquals("ACTIVE \u2192 PENDING_DELETION", UserPage.states("ACTIVE", "PENDING_DELETION"));
    assertEquals("\u2014 \u2192 ACTIVE", UserPage.states(null, "ACTIVE"));
    assertEquals("DELETED \u2192 (purged)", UserPage.states("DELETED", null));
    AuditEntry e = entry(5, "staff", "admin", "deletion-approved");
    assertEquals("staff admin", new UserPage().actor(e));
  }

  @Test
  void accountStatesHaveBadgesAndLabels() {
    assertEquals("active", Layout.badgeClass("ACTIVE"));
    assertEquals("pending", Layout.badgeClass("PENDING_DELETION"));
    assertEquals("deleted", Layout.badgeClass("DELETED"));
    assertEquals("pending deletion", Layout.label("PENDING_DELETION"));
    assertEquals("tombstone", Layout.label("DELETED"));
    assertEquals("active", Layout.label("ACTIVE"));
  }

  @Test
  void aSelectedRowIsFoundByItsKeyAmongTheLoadedPage() {
    PagedModel<String> model =
        new PagedModel<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected long total() {
            return 2;
          }

          @Override
          protected List<String> load(Slice slice) {
            return List.of("a", "b");
          }

          @Override
          protected String id(String row) {
            return row;
          }
        };
    assertNull(model.getRowData("a"));
    model.setWrappedData(List.of("a", "b"));
    assertEquals("b", model.getRowData("b"));
    assertNull(model.getRowData("c"));
    assertNull(model.getRowData((String) null));
  }

  private static List<AuditEntry> entries(long newest, long oldest) {
    return LongStream.iterate(newest, i -> i >= oldest, i -> i - 1)
        .mapToObj(i -> entry(i, "token", "sdscim_ab12", "updated"))
        .toList();
  }

  private static AuditEntry entry(long id, String actorType, String actorId, String action) {
    return new AuditEntry(
        id,
        "t1",
        "u1",
        "ada@contoso.example",
        NOW,
        actorType,
        actorId,
        action,
        "ACTIVE",
        "DELETED",
        "why");
  }
}
