package co.softdrive.scim.console;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.inspection.Slice;
import co.softdrive.scim.inspection.UserDirectory;
import co.softdrive.scim.inspection.UserRow;
import co.softdrive.scim.lifecycle.DeletionGuard;
import co.softdrive.scim.lifecycle.LifecycleConfig;
import co.softdrive.scim.tenant.LifecycleSettings;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Backs {@code console/pending.xhtml}: a tenant's deletions held by the mass-deletion guard, oldest
 * first and paged in the database, with Approve / Reject for the selected ones or for all.
 * Decisions go through {@link DeletionGuard#decide} as the signed-in staff account, so they are in
 * the audit trail and (approvals) in the change feed.
 *
 * <p>"All" means the deletions the page showed: if more were held since (Entra kept deactivating),
 * nothing is decided and the page asks staff to look again, so nobody approves unseen deletions.
 */
@Named
@ViewScoped
public class PendingPage extends TenantBoundPage {
  private static final long serialVersionUID = 1L;

  @Inject transient UserDirectory users;
  @Inject transient DeletionGuard guard;
  @Inject transient LifecycleConfig defaults;

  private String guardRule;

  /** How many were held when the page last counted: what "all" refers to. */
  private long shown;

  private List<UserRow> selected = new ArrayList<>();
  private final PagedModel<UserRow> model =
      new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected long total() {
          shown = users.count(tenantId, null, UserDirectory.State.PENDING_DELETION);
          return shown;
        }

        @Override
        protected List<UserRow> load(Slice slice) {
          return users.page(
              tenantId, null, UserDirectory.State.PENDING_DELETION, oldestFirst(slice));
        }

        @Override
        protected String id(UserRow row) {
          return row.id();
        }
      };

  public void load() throws IOException {
    if (!loadTenant()) {
      return;
    }
    LifecycleSettings s = tenants.settings(tenantId);
    guardRule =
        guardRule(
            s.guardPercent() != null ? s.guardPercent() : defaults.guardPercent(),
            s.guardMinCount() != null ? s.guardMinCount() : defaults.guardMinCount(),
            s.guardWindowMinutes() != null
                ? s.guardWindowMinutes()
                : defaults.guardWindowMinutes());
    shown = users.count(tenantId, null, UserDirectory.State.PENDING_DELETION);
  }

  public void approveSelected() {
    decideSelected(true);
  }

  public void rejectSelected() {
    decideSelected(false);
  }

  public void approveAll() {
    decideAll(true);
  }

  public void rejectAll() {
    decideAll(false);
  }

  private void decideSelected(boolean approve) {
    List<String> ids = selected == null ? List.of() : selected.stream().map(UserRow::id).toList();
    if (ids.isEmpty()) {
      Messages.error(
          "Select at least one held deletion first (or use the \u201call\u201d buttons).");
      return;
    }
    Integer n =
        Messages.attempt(() -> guard.decide(tenantId, ids, approve, Actor.staff(Messages.staff())));
    if (n != null) {
      report(n, ids.size(), approve);
    }
    afterDecision();
  }

  /** The buttons render before the table, so the count they show is refreshed here. */
  private void afterDecision() {
    selected = new ArrayList<>();
    shown = users.count(tenantId, null, UserDirectory.State.PENDING_DELETION);
  }

  private void decideAll(boolean approve) {
    long expected = shown;
    long now = users.count(tenantId, null, UserDirectory.State.PENDING_DELETION);
    String changed = changedSince(expected, now);
    if (changed != null) {
      Messages.error(changed);
      shown = now;
      selected = new ArrayList<>();
      return;
    }
    Integer n =
        Messages.attempt(
            () -> guard.decide(tenantId, null, approve, Actor.staff(Messages.staff())));
    if (n != null) {
      report(n, (int) expected, approve);
    }
    afterDecision();
  }

  private static void report(int decided, int asked, boolean approve) {
    if (decided == 0) {
      Messages.error(summary(0, approve));
    } else {
      Messages.info(
          summary(decided, approve)
              + (decided < asked ? " " + (asked - decided) + " had already been decided." : ""));
    }
  }

  /** The message after a decision. */
  static String summary(int decided, boolean approve) {
    if (decided == 0) {
      return "Nothing was decided: those deletions are no longer held (decided by someone else, or Entra re-activated the users).";
    }
    String what = decided == 1 ? "1 held deletion" : decided + " held deletions";
    return approve
        ? what
            + " approved: "
            + (decided == 1 ? "the account is" : "the accounts are")
            + " deleted now (the SCIM records stay as tombstones)."
        : what
            + " rejected: "
            + (decided == 1 ? "the account is" : "the accounts are")
            + " kept and active again.";
  }

  /** Why "all" must not go ahead, or null when the count is what the page showed. */
  static String changedSince(long shown, long now) {
    if (shown == now) {
      return now == 0 ? "Nothing is waiting for a decision." : null;
    }
    return "The list changed: "
        + now
        + " deletion"
        + (now == 1 ? " is" : "s are")
        + " held now, the page showed "
        + shown
        + ". Nothing was decided; check the list and decide again.";
  }

  /** The guard's rule in words, with the tenant's effective thresholds. */
  static String guardRule(int percent, int minCount, int windowMinutes) {
    if (windowMinutes <= 0) {
      return "The deletion guard is off for this tenant: deactivations delete accounts at once.";
    }
    return "When more than "
        + minCount
        + " accounts and more than "
        + percent
        + "% of the tenant's active accounts are deleted automatically within "
        + windowMinutes
        + " minutes, the deletion guard holds further deactivations from Entra: the accounts are kept"
        + " (Entra sees active:false) until staff approve or reject them here.";
  }

  /** Oldest held deletion first unless the table asks for another order. */
  static Slice oldestFirst(Slice slice) {
    return slice.sortField() == null
        ? new Slice(slice.offset(), slice.limit(), "accountStateAt", true)
        : slice;
  }

  public PagedModel<UserRow> getModel() {
    return model;
  }

  public long getShown() {
    return shown;
  }

  public String getGuardRule() {
    return guardRule;
  }

  public List<UserRow> getSelected() {
    return selected;
  }

  public void setSelected(List<UserRow> selected) {
    this.selected = selected;
  }
}
