package co.softdrive.scim.resource;

import co.softdrive.scim.token.Principal;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated token of the current SCIM request; set by {@link BearerAuthFilter}. */
@RequestScoped
public class ScimPrincipal {
  private Principal principal;

  void set(Principal principal) {
    this.principal = principal;
  }

  /** The tenant every read and write of this request is confined to. */
  public String tenantId() {
    if (principal == null) {
      throw new IllegalStateException("No authenticated SCIM principal on this request");
    }
    return principal.tenantId();
  }

  /** The token as the audit trail names it. */
  public co.softdrive.scim.audit.Actor actor() {
    return co.softdrive.scim.audit.Actor.token(
        principal == null ? "unknown" : principal.tokenPrefix());
  }

  public Principal get() {
    return principal;
  }
}
