package co.softdrive.scim.console;

import co.softdrive.scim.activity.ActivityEntry;
import co.softdrive.scim.activity.ActivityFilter;
import co.softdrive.scim.activity.ActivityStore;
import co.softdrive.scim.audit.AuditEntry;
import co.softdrive.scim.audit.AuditTrail;
import co.softdrive.scim.inspection.UserDetail;
import co.softdrive.scim.inspection.UserDirectory;
import co.softdrive.scim.protocol.error.ScimException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * Backs {@code console/user.xhtml}: one user with every attribute as received, its groups, its
 * account state with its history (the audit trail, newest first, paged by {@code ?before=}), and
 * the last requests Entra made about it.
 */
@Named
@RequestScoped
public class UserPage extends TenantItemPage {
  static final int RECENT = 20;
  static final int HISTORY = 20;

  @Inject UserDirectory users;
  @Inject ActivityStore activity;
  @Inject AuditTrail audit;

  private UserDetail user;
  private UserProfile profile = UserProfile.NONE;
  private List<ActivityEntry> recent = List.of();
  private Long before;
  private List<AuditEntry> history = List.of();
  private Long olderBefore;

  public void load() throws IOException {
    if (!loadTenant()) {
      return;
    }
    try {
      user = users.get(tenantId, id);
    } catch (ScimException e) {
      if (!audit.list(tenantId, id, null, 1).isEmpty()) {
        TenantScoped.redirect("/console/purged-user.xhtml", tenantId, id);
        return;
      }
      TenantScoped.notFound("No such user");
      return;
    }
    profile = UserProfile.of(user.attributesJson());
    if (profile.manager() != null) {
      try {
        profile = profile.withManagerName(users.get(tenantId, profile.manager().id()).userName());
      } catch (ScimException e) {
        // Not (or no longer) a user of this tenant: the stored name or id is shown.
      }
    }
    recent = activity.page(new ActivityFilter(tenantId, null, null, null, null, id), 0, RECENT);
    List<AuditEntry> fetched = audit.list(tenantId, id, before, HISTORY + 1);
    history = firstPage(fetched, HISTORY);
    olderBefore = olderCursor(fetched, HISTORY);
  }

  /** The entries to show: at most {@code size} of what was fetched (size + 1 to know of more). */
  static List<AuditEntry> firstPage(List<AuditEntry> fetched, int size) {
    return fetched.size() > size ? fetched.subList(0, size) : fetched;
  }

  /** The {@code before} of the next (older) page, or null when this page is the oldest. */
  static Long olderCursor(List<AuditEntry> fetched, int size) {
    return fetched.size() > size ? fetched.get(size - 1).id() : null;
  }

  /** "token sdscim_ab12", "staff admin", "job tombstone-purge". */
  public String actor(AuditEntry e) {
    return e.actorType() + (e.actorId() == null ? "" : " " + e.actorId());
  }

  /** "ACTIVE → PENDING_DELETION", "— → ACTIVE", "DELETED → (purged)". */
  public String transition(AuditEntry e) {
    return states(e.fromState(), e.toState());
  }

  static String states(String from, String to) {
    return (from == null ? "\u2014" : from) + " \u2192 " + (to == null ? "(purged)" : to);
  }

  /** When a tombstone will be purged: its state time plus the tenant's retention; else null. */
  public java.time.Instant getPurgeAt() {
    if (user == null || !"DELETED".equals(user.accountState()) || user.accountStateAt() == null) {
      return null;
    }
    return user.accountStateAt().plus(java.time.Duration.ofDays(tenant.retentionDays()));
  }

  public List<AuditEntry> getHistory() {
    return history;
  }

  /** The next (older) page's cursor, or null. */
  public Long getOlderBefore() {
    return olderBefore;
  }

  public Long getBefore() {
    return before;
  }

  public void setBefore(Long before) {
    this.before = before;
  }

  public UserDetail getUser() {
    return user;
  }

  /** Title, userType, the enterprise attributes and the manager, as fields. */
  public UserProfile getProfile() {
    return profile;
  }

  public List<ActivityEntry> getRecent() {
    return recent;
  }
}
