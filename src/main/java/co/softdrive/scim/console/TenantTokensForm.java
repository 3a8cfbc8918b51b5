package co.softdrive.scim.console;

import co.softdrive.scim.token.IssuedToken;
import co.softdrive.scim.token.TokenService;
import co.softdrive.scim.token.TokenView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Backs the token forms of {@code console/tenant.xhtml}: generate a token for a service account
 * (its secret goes to the {@link TokenSecretDialog}, shown once) and the tenant's tokens, each
 * revocable.
 */
@Named
@ViewScoped
public class TenantTokensForm implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject TenantPage page;
  @Inject TokenSecretDialog secret;
  @Inject transient TokenService tokens;

  private List<TokenView> tokenList;
  private String serviceAccount = "entra-provisioning";
  private LocalDate expiresOn;

  public void generate() {
    String account = serviceAccount;
    IssuedToken issued =
        Messages.attempt(
            () ->
                tokens.issue(
                    page.getId(),
                    account,
                    Messages.staff(),
                    expiresOn == null ? null : expiresOn.atStartOfDay(ZoneOffset.UTC).toInstant()));
    if (issued != null) {
      secret.show(account, issued.secret());
      reload();
    }
  }

  public void revoke(String tokenId) {
    TokenView revoked =
        Messages.attempt(() -> tokens.revoke(page.getId(), tokenId, Messages.staff()));
    if (revoked != null) {
      Messages.info("Token " + revoked.prefix() + "\u2026 revoked; it stops working at once.");
      reload();
    }
  }

  /** The list and the page's counts (active tokens) read again. */
  private void reload() {
    tokenList = tokens.list(page.getId());
    page.reload();
  }

  public List<TokenView> getTokens() {
    if (tokenList == null) {
      tokenList = page.getTenant() == null ? List.of() : tokens.list(page.getId());
    }
    return tokenList;
  }

  public String getServiceAccount() {
    return serviceAccount;
  }

  public void setServiceAccount(String serviceAccount) {
    this.serviceAccount = serviceAccount;
  }

  public LocalDate getExpiresOn() {
    return expiresOn;
  }

  public void setExpiresOn(LocalDate expiresOn) {
    this.expiresOn = expiresOn;
  }

  public LocalDate getToday() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
