package co.softdrive.scim.console;

import co.softdrive.scim.inspection.Slice;
import co.softdrive.scim.inspection.UserDirectory;
import co.softdrive.scim.inspection.UserRow;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;

/**
 * Backs {@code console/users.xhtml}: a tenant's users, searched by the start of userName or e-mail
 * or by externalId, filtered by account state (active, tombstoned, pending deletion), paged in the
 * database.
 */
@Named
@ViewScoped
public class UsersPage extends TenantBoundPage {
  private static final long serialVersionUID = 1L;

  @Inject transient UserDirectory users;

  private String search;
  private UserDirectory.State state = UserDirectory.State.ALL;
  private final PagedModel<UserRow> model =
      new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected long total() {
          return users.count(tenantId, search, state);
        }

        @Override
        protected List<UserRow> load(Slice slice) {
          return users.page(tenantId, search, state, slice);
        }

        @Override
        protected String id(UserRow row) {
          return row.id();
        }
      };

  public void load() throws IOException {
    loadTenant();
  }

  public boolean isFiltered() {
    return (search != null && !search.isBlank()) || state != UserDirectory.State.ALL;
  }

  public PagedModel<UserRow> getModel() {
    return model;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public UserDirectory.State getState() {
    return state;
  }

  public void setState(UserDirectory.State state) {
    this.state = state == null ? UserDirectory.State.ALL : state;
  }
}
