package co.softdrive.scim.console;

import co.softdrive.scim.inspection.GroupDirectory;
import co.softdrive.scim.inspection.MemberRow;
import co.softdrive.scim.inspection.Slice;
import co.softdrive.scim.protocol.error.ScimException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/** Backs {@code console/group.xhtml}: one group and its members, paged in the database. */
@Named
@ViewScoped
public class GroupPage extends TenantItemPage {
  private static final long serialVersionUID = 1L;

  @Inject transient GroupDirectory groups;
  @Inject transient co.softdrive.scim.lifecycle.GroupDeletions deletions;

  private GroupDirectory.GroupDetail group;
  private final PagedModel<MemberRow> members =
      new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected long total() {
          return groups.countMembers(tenantId, id);
        }

        @Override
        protected List<MemberRow> load(Slice slice) {
          return groups.members(tenantId, id, slice);
        }

        @Override
        protected String id(MemberRow row) {
          return row.id();
        }
      };

  public void load() throws IOException {
    if (!loadTenant()) {
      return;
    }
    try {
      group = groups.get(tenantId, id);
    } catch (ScimException e) {
      if (deletions.ofGroup(tenantId, id).isPresent()) {
        TenantScoped.redirect("/console/deleted-group.xhtml", tenantId, id);
        return;
      }
      TenantScoped.notFound("No such group");
    }
  }

  public PagedModel<MemberRow> getMembers() {
    return members;
  }

  public GroupDirectory.GroupDetail getGroup() {
    return group;
  }
}
