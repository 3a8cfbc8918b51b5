package co.softdrive.scim.console;

import co.softdrive.scim.staff.StaffAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Backs {@code login.xhtml}: hands the credentials to Jakarta Security (the staff mechanism and
 * identity store decide), then goes to the page that sent the user here, if it is a console page.
 */
@Named
@RequestScoped
public class LoginPage {
  static final String HOME = "/console/tenants.xhtml";

  @Inject SecurityContext security;

  private String username;
  private String password;
  private String next;

  /** Already signed in: straight to the console. */
  public String alreadySignedIn() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.getExternalContext().getUserPrincipal() != null) {
      return "/console/tenants?faces-redirect=true";
    }
    var parameters = faces.getExternalContext().getRequestParameterMap();
    if ("true".equals(parameters.get("signedOut"))) {
      Messages.info("You are signed out.");
    } else if ("true".equals(parameters.get("expired"))) {
      Messages.info(
          "Your session expired after 30 minutes without activity. Sign in again to go back to"
              + " where you were; an action you had just started was not carried out.");
    }
    return null;
  }

  public void signIn() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ec = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) ec.getRequest(),
            (HttpServletResponse) ec.getResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
    password = null;
    switch (status) {
      case SUCCESS -> {
        ec.redirect(ec.getRequestContextPath() + safeNext(next));
        faces.responseComplete();
      }
      case SEND_CONTINUE -> faces.responseComplete();
      default -> Messages.error(refusal(ec));
    }
  }

  private static String refusal(ExternalContext ec) {
    Object unavailable = ec.getRequestMap().get(StaffAuthenticationMechanism.UNAVAILABLE_SECONDS);
    if (unavailable != null) {
      return "The service is temporarily unavailable; try again in " + unavailable + " seconds.";
    }
    Object wait = ec.getRequestMap().get(StaffAuthenticationMechanism.THROTTLED_SECONDS);
    return wait != null
        ? "Too many failed sign-ins for this account from your address; try again in "
            + wait
            + " seconds."
        : "Wrong username or password, or the account is disabled.";
  }

  /** Only console pages of this application are followed (no open redirect). */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/console/")
        || next.contains("//")
        || next.contains("\\")
        || next.contains("..")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return HOME;
    }
    return next;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
