package co.softdrive.scim.console;

import co.softdrive.scim.inspection.GroupDirectory;
import co.softdrive.scim.inspection.GroupRow;
import co.softdrive.scim.inspection.Slice;
import co.softdrive.scim.tenant.TenantService;
import co.softdrive.scim.tenant.TenantView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Backs {@code console/groups.xhtml}: a tenant's groups, searched by name, paged in the database.
 */
@Named
@ViewScoped
public class GroupsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TenantService tenants;
  @Inject transient GroupDirectory groups;

  private String tenantId;
  private TenantView tenant;
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
    tenant = TenantScoped.load(tenants, tenantId);
  }

  public PagedModel<GroupRow> getModel() {
    return model;
  }

  public boolean isSearching() {
    return search != null && !search.isBlank();
  }

  public TenantView getTenant() {
    return tenant;
  }

  public String getTenantId() {
    return tenantId;
  }

  public void setTenantId(String tenantId) {
    this.tenantId = tenantId;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }
}
