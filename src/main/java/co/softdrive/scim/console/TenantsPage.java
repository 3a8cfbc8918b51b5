package co.softdrive.scim.console;

import co.softdrive.scim.activity.HealthStatus;
import co.softdrive.scim.inspection.Slice;
import co.softdrive.scim.inspection.TenantDirectory;
import co.softdrive.scim.inspection.TenantRow;
import co.softdrive.scim.tenant.TenantService;
import co.softdrive.scim.tenant.TenantView;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** Backs {@code console/tenants.xhtml}: the searchable, sortable, paged tenants list; create. */
@Named
@ViewScoped
public class TenantsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TenantDirectory directory;
  @Inject transient TenantService tenants;

  private String search;
  private String health = "ALL";
  private String newName;
  private final PagedModel<TenantRow> model =
      new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected long total() {
          return directory.count(search, healthFilter());
        }

        @Override
        protected List<TenantRow> load(Slice slice) {
          return directory.page(search, healthFilter(), slice);
        }

        @Override
        protected String id(TenantRow row) {
          return row.id();
        }
      };

  /** Creates the tenant and opens it, where the next step (a token) is. */
  public void create() throws IOException {
    TenantView created = Messages.attempt(() -> tenants.create(newName, Messages.staff()));
    if (created != null) {
      var ec = FacesContext.getCurrentInstance().getExternalContext();
      ec.getFlash().setKeepMessages(true);
      Messages.info("Tenant \u201c" + created.name() + "\u201d created. Next: generate its token.");
      ec.redirect(ec.getRequestContextPath() + "/console/tenant.xhtml?id=" + created.id());
    }
  }

  public PagedModel<TenantRow> getModel() {
    return model;
  }

  public boolean isSearching() {
    return search != null && !search.isBlank();
  }

  /** The health filter: ALL or a {@link HealthStatus} name. */
  public String getHealth() {
    return health;
  }

  public void setHealth(String health) {
    this.health = health == null || health.isBlank() ? "ALL" : health;
  }

  /** Every health status for the filter buttons. */
  public HealthStatus[] getHealthStatuses() {
    return HealthStatus.values();
  }

  private HealthStatus healthFilter() {
    try {
      return "ALL".equals(health) ? null : HealthStatus.parse(health);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }
}
