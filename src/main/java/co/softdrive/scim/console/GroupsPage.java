package co.softdrive.scim.console;

import co.softdrive.scim.inspection.GroupDirectory;
import co.softdrive.scim.inspection.GroupRow;
import co.softdrive.scim.inspection.Slice;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * Backs {@code console/groups.xhtml}: a tenant's groups, searched by name, paged in the database.
 */
@Named
@ViewScoped
public class GroupsPage extends TenantBoundPage {
  private static final long serialVersionUID = 1L;

  @Inject transient GroupDirectory groups;

  private String search;
  private final PagedModel<GroupRow> model =
      new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected long total() {
          return groups.count(tenantId, search);
        }

        @Override
        protected List<GroupRow> load(Slice slice) {
          return groups.page(tenantId, search, slice);
        }

        @Override
        protected String id(GroupRow row) {
          return row.id();
        }
      };

  public void load() throws IOException {
    loadTenant();
  }

  public PagedModel<GroupRow> getModel() {
    return model;
  }

  public boolean isSearching() {
    return search != null && !search.isBlank();
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }
}
