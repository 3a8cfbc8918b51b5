package co.softdrive.scim.console;

import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.staff.StaffService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Backs the console template: who is signed in, sign-out, and time formatting for every page. */
@Named("layout")
@RequestScoped
public class Layout {
  // Pages put a time in <span class="date"> (white-space: nowrap): it never wraps inside.
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Every table's pager: the rows shown and the total first, then the page links. */
  static final String PAGER =
      "{CurrentPageReport} {FirstPageLink} {PreviousPageLink} {PageLinks} {NextPageLink}"
          + " {LastPageLink} {RowsPerPageDropdown}";

  static final String PAGER_REPORT = "{startRecord}\u2013{endRecord} of {totalRecords}";

  @Inject SecurityContext security;

  public String getPager() {
    return PAGER;
  }

  public String getPagerReport() {
    return PAGER_REPORT;
  }

  /** A count with thousands separators: {@code 1,105}. */
  public String count(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  public String getUser() {
    return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
  }

  public String getRoles() {
    return isAdmin() ? "admin" : security.isCallerInRole(StaffService.SUPPORT) ? "support" : "";
  }

  public boolean isAdmin() {
    return security.isCallerInRole(StaffService.ADMIN);
  }

  public void signOut() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ec = faces.getExternalContext();
    try {
      ((HttpServletRequest) ec.getRequest()).logout();
    } catch (ServletException e) {
      // The session is invalidated below either way.
    }
    ec.invalidateSession();
    // The browser forgets the ended session's id too, so its next visit is a new one, not an
    // expired session (which the sign-in page would announce).
    String cookie =
        ((HttpServletRequest) ec.getRequest())
            .getServletContext()
            .getSessionCookieConfig()
            .getName();
    ec.addResponseCookie(
        cookie == null ? "JSESSIONID" : cookie,
        "",
        java.util.Map.of("maxAge", 0, "path", "/", "httpOnly", true));
    ec.redirect(ec.getRequestContextPath() + "/login.xhtml?signedOut=true");
    faces.responseComplete();
  }

  /** {@code 2026-03-01 12:00:00} (UTC), or an em dash for nothing. */
  public String time(Instant instant) {
    return format(instant);
  }

  /** Epoch milliseconds as {@link #time}. */
  public String millis(long epochMillis) {
    return format(Instant.ofEpochMilli(epochMillis));
  }

  /** "5 min ago", "3 h ago", "2 days ago"; "never" for nothing. */
  public String ago(Instant instant) {
    return ago(instant, Instant.now());
  }

  /** A badge's CSS class for an account state. */
  public String stateClass(String accountState) {
    return badgeClass(accountState);
  }

  /** A short label for an account state. */
  public String stateLabel(String accountState) {
    return label(accountState);
  }

  static String badgeClass(String accountState) {
    if (AccountState.ACTIVE.name().equals(accountState)) {
      return "active";
    }
    return AccountState.PENDING_DELETION.name().equals(accountState) ? "pending" : "deleted";
  }

  static String label(String accountState) {
    if (accountState == null) {
      return "\u2014";
    }
    for (AccountState s : AccountState.values()) {
      if (s.name().equals(accountState)) {
        return switch (s) {
          case ACTIVE -> "active";
          case DELETED -> "tombstone";
          case PENDING_DELETION -> "pending deletion";
        };
      }
    }
    return accountState.toLowerCase(java.util.Locale.ROOT);
  }

  static String format(Instant instant) {
    return instant == null ? "\u2014" : TIME.format(instant);
  }

  static String ago(Instant instant, Instant now) {
    if (instant == null) {
      return "never";
    }
    long s = Math.max(0, Duration.between(instant, now).getSeconds());
    if (s < 60) {
      return s + " s ago";
    }
    if (s < 3600) {
      return s / 60 + " min ago";
    }
    if (s < 86_400) {
      return s / 3600 + " h ago";
    }
    long days = s / 86_400;
    return days == 1 ? "1 day ago" : days + " days ago";
  }
}
