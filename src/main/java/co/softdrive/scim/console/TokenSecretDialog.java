package co.softdrive.scim.console;

import co.softdrive.scim.config.ScimConfig;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backs the dialog of {@code console/tenant.xhtml} that shows a token just generated ({@link
 * TenantTokensForm}): its secret, once, beside the exact Tenant URL and the Entra steps. Closing
 * the dialog forgets the secret for good.
 */
@Named
@ViewScoped
public class TokenSecretDialog implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient ScimConfig scimConfig;

  private String serviceAccount;

  /** The secret of the token just generated; shown once, forgotten when the dialog closes. */
  private String issuedSecret;

  void show(String serviceAccount, String secret) {
    this.serviceAccount = serviceAccount;
    this.issuedSecret = secret;
  }

  /** The dialog closed: the secret is gone for good. */
  public void forgetSecret() {
    issuedSecret = null;
  }

  public String getServiceAccount() {
    return serviceAccount;
  }

  public String getIssuedSecret() {
    return issuedSecret;
  }

  /** Whether the Tenant URL is no HTTPS URL, which Entra refuses (the dialog warns). */
  public boolean isTenantUrlInsecure() {
    return !getTenantUrl().regionMatches(true, 0, "https://", 0, 8);
  }

  /** The exact URL to paste into Entra's "Tenant URL". */
  public String getTenantUrl() {
    ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
    return scimConfig.scimBaseUrl(
        origin(
            ec.getRequestScheme(),
            ec.getRequestServerName(),
            ec.getRequestServerPort(),
            ec.getRequestContextPath()));
  }

  /** Scheme, host, port (left out when it is the scheme's default) and context path. */
  static String origin(String scheme, String host, int port, String contextPath) {
    boolean defaultPort =
        (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + contextPath;
  }
}
