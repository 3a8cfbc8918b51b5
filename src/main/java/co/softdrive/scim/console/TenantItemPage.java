package co.softdrive.scim.console;

/**
 * Base of the console pages about one user or group of a tenant: {@code ?tenant=} and {@code ?id=}.
 */
public abstract class TenantItemPage extends TenantBoundPage {
  private static final long serialVersionUID = 1L;

  protected String id;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
