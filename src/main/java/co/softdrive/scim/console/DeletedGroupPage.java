package co.softdrive.scim.console;

import co.softdrive.scim.audit.GroupDeletion;
import co.softdrive.scim.lifecycle.GroupDeletions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * Backs {@code console/deleted-group.xhtml}: the record a deleted group left (name, when, by which
 * token or staff account, the policy) and its members at deletion time with what became of their
 * accounts since, paged by user id ({@code ?after=}).
 */
@Named
@RequestScoped
public class DeletedGroupPage extends TenantItemPage {
  static final int PAGE = 100;

  @Inject GroupDeletions deletions;

  private String after;
  private GroupDeletion deletion;
  private List<GroupDeletion.Member> members = List.of();
  private long affected;

  public void load() throws IOException {
    if (!loadTenant()) {
      return;
    }
    deletion = deletions.ofGroup(tenantId, id).orElse(null);
    if (deletion == null) {
      TenantScoped.notFound("No such group");
      return;
    }
    members = deletions.members(tenantId, deletion.id(), after, PAGE + 1);
    affected = deletions.affected(tenantId, deletion);
  }

  /** The members to show (one more was read to know whether there is a next page). */
  public List<GroupDeletion.Member> getMembers() {
    return members.size() > PAGE ? members.subList(0, PAGE) : members;
  }

  /** The {@code after} of the next page, or null. */
  public String getNextAfter() {
    return members.size() > PAGE ? members.get(PAGE - 1).userId() : null;
  }

  /** What became of a member's account since the deletion, in words. */
  public String outcome(GroupDeletion.Member m) {
    if (m.state() == null) {
      return "record purged since";
    }
    String state = Layout.label(m.state());
    return m.changedAfter(deletion.deletedAt()) ? state + " since the deletion" : state;
  }

  public GroupDeletion getDeletion() {
    return deletion;
  }

  public long getAffected() {
    return affected;
  }

  public String getAfter() {
    return after;
  }

  public void setAfter(String after) {
    this.after = after;
  }
}
