package co.softdrive.scim.staff;

import co.softdrive.scim.health.DatabaseProbe;
import co.softdrive.scim.throttle.AuthThrottle;
import co.softdrive.scim.throttle.AuthThrottle.Attempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How staff authenticate.
 *
 * <ul>
 *   <li>Admin API ({@code /api/v1/admin}): HTTP Basic on every call; an unauthenticated call gets a
 *       JSON 401 with {@code WWW-Authenticate: Basic}.
 *   <li>SCIM ({@code /api/v1/automations/scim}): bearer tokens, checked by the SCIM layer; left
 *       alone here.
 *   <li>Console (everything else, {@code /console/*} protected): form login. The sign-in page calls
 *       {@code SecurityContext.authenticate} with the credentials; on success the session id is
 *       renewed (no fixation) and the username kept in the session. Every later request re-reads
 *       the account's roles, so a disabled account is signed out at its next click. A protected
 *       page without a session redirects to {@code /login.xhtml} (a Faces ajax request gets a
 *       partial-response redirect instead, which PrimeFaces follows).
 * </ul>
 *
 * <p>Failed sign-ins count per source and username ({@link AuthThrottle}). Over budget, the
 * password is not hashed (PBKDF2 is what an attacker would make us burn) and the answer is 429 with
 * {@code Retry-After} (the sign-in page says so), unless the same credentials were verified within
 * the last minute: those are known good at no cost, so a staff member who just used the right
 * password is not locked out by someone else guessing it. Each check takes its slot of the budget
 * before it runs, so parallel guesses get no more checks than sequential ones.
 *
 * <p>While the database is unavailable no credentials can be checked, right or wrong, nor a
 * session's account re-read: the answer is 503 with {@code Retry-After} (the admin API's JSON
 * error, the console's unavailable page, or the sign-in page saying so), never a 401 or 403 that a
 * client would take as permanent. Console sessions survive the outage.
 *
 * <p>Kept in one class, though over 300 lines, because Jakarta Security calls one mechanism for
 * every request: the three channels, the throttle and the outage answers share its entry point.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {
  private static final Logger LOG = Logger.getLogger(StaffAuthenticationMechanism.class.getName());
  static final String ADMIN_API = "/api/v1/admin";
  static final String API = "/api/";
  static final String LOGIN_PAGE = "/login.xhtml";
  static final String FACES_RESOURCES = "/jakarta.faces.resource/";

  /**
   * Request attribute: the seconds a throttled console sign-in must wait (for the sign-in page).
   */
  public static final String THROTTLED_SECONDS = "softdrive.staff.throttledSeconds";

  /**
   * Request attribute: the seconds to wait when a console sign-in could not be checked because the
   * database is unavailable (for the sign-in page).
   */
  public static final String UNAVAILABLE_SECONDS = "softdrive.staff.unavailableSeconds";

  @Inject IdentityStoreHandler identityStores;
  @Inject StaffService staff;
  @Inject AuthThrottle throttle;
  @Inject DatabaseProbe database;

  /** One credential check: valid (with the result), refused, or throttled (with the seconds). */
  private record Check(CredentialValidationResult valid, OptionalLong throttled) {}

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    // The path as the container resolved it (no matrix parameters, dot segments or doubled
    // slashes): /api;x=1/v1/admin/tenants is an admin API call, not a console page.
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!UnreadableBasic.containerCanRead(request.getHeader("Authorization"))) {
      // Refused (or ignored, where no staff role is required) like any bad credentials, but
      // Liberty must not read the header after us: see UnreadableBasic.
      UnreadableBasic.label(request, context);
    }
    boolean api = path.startsWith(API);
    try {
      return api ? basic(request, response, context) : form(request, response, context);
    } catch (RuntimeException e) {
      if (!database.explains(e)) {
        throw e;
      }
      LOG.log(
          Level.WARNING,
          "Staff authentication impossible, the database is unavailable: {0}",
          DatabaseProbe.describe(e));
      return api
          ? StaffAnswers.unavailable(response, context)
          : consoleUnavailable(path, request, response, context);
    }
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(StaffSession.ATTRIBUTE);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }

  private AuthenticationStatus form(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (context.isAuthenticationRequest()
        && context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential c) {
      Check check = check(request, c.getCaller(), c.getPasswordAsString());
      if (check.throttled().isPresent()) {
        long seconds = check.throttled().getAsLong();
        request.setAttribute(THROTTLED_SECONDS, seconds);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        return AuthenticationStatus.SEND_FAILURE;
      }
      if (check.valid() == null) {
        // People type passwords into the username field: name only an account that exists.
        LOG.log(
            Level.INFO,
            "Console sign-in failed for {0}",
            staff.exists(c.getCaller()) ? c.getCaller() : "a name that is no staff account");
        return AuthenticationStatus.SEND_FAILURE;
      }
      CredentialValidationResult result = check.valid();
      request.getSession(true);
      request.changeSessionId();
      String name = result.getCallerPrincipal().getName();
      request
          .getSession()
          .setAttribute(StaffSession.ATTRIBUTE, new StaffSession(name, System.currentTimeMillis()));
      LOG.log(Level.INFO, "Console sign-in by {0}", name);
      return context.notifyContainerAboutLogin(result);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(StaffSession.ATTRIBUTE) instanceof StaffSession s) {
      var roles = staff.currentRoles(s.username());
      if (roles.isPresent()) {
        return context.notifyContainerAboutLogin(s.username(), roles.get());
      }
      session.invalidate(); // disabled or removed since sign-in
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    return toLogin(request, response, context);
  }

  /**
   * The console while the database is unavailable (only a request of a signed-in session or a
   * sign-in gets here: nothing else reads the database). The sign-in page says so; a stylesheet or
   * script is served; an ajax postback reloads its page (a failed ajax request would show nothing);
   * a page gets {@link StaffAnswers#unavailablePage}.
   */
  private static AuthenticationStatus consoleUnavailable(
      String path,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    if (path.startsWith(FACES_RESOURCES)) {
      return context.doNothing();
    }
    if (isAjax(request)) {
      String query = request.getQueryString();
      return StaffAnswers.partialRedirect(
          response,
          context,
          query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query);
    }
    if (context.isAuthenticationRequest()) {
      request.setAttribute(UNAVAILABLE_SECONDS, StaffAnswers.RETRY_AFTER_SECONDS);
      response.setStatus(503);
      response.setHeader("Retry-After", Long.toString(StaffAnswers.RETRY_AFTER_SECONDS));
      return AuthenticationStatus.SEND_FAILURE;
    }
    return StaffAnswers.unavailablePage(request, response);
  }

  private static boolean isAjax(HttpServletRequest request) {
    return "partial/ajax".equals(request.getHeader("Faces-Request"));
  }

  /**
   * To the sign-in page, which comes back here afterwards ({@code next}): a page's own address, or
   * for a Faces ajax action the page it was sent from (its {@code Referer}, same origin under the
   * same-origin referrer policy), since the action itself cannot be replayed. A session that
   * expired ({@code expired}) is said so on the sign-in page.
   */
  private static AuthenticationStatus toLogin(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String login = request.getContextPath() + LOGIN_PAGE;
    boolean expired =
        request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    String next = null;
    if (isAjax(request)) {
      next = fromReferer(request);
    } else if ("GET".equals(request.getMethod())) {
      next = request.getRequestURI().substring(request.getContextPath().length());
      String query = request.getQueryString();
      next = query == null ? next : next + "?" + query;
    } else {
      next = fromReferer(request);
    }
    String target = login + loginQuery(expired, next);
    return isAjax(request)
        ? StaffAnswers.partialRedirect(response, context, target)
        : context.redirect(target);
  }

  static String loginQuery(boolean expired, String next) {
    StringBuilder q = new StringBuilder();
    if (expired) {
      q.append("?expired=true");
    }
    if (next != null) {
      q.append(q.isEmpty() ? '?' : '&')
          .append("next=")
          .append(URLEncoder.encode(next, StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  /** The path and query of a same-origin {@code Referer} in this application, or null. */
  static String fromReferer(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer == null) {
      return null;
    }
    try {
      java.net.URI uri = new java.net.URI(referer);
      if (uri.getHost() == null
          || !uri.getHost().equalsIgnoreCase(request.getServerName())
          || uri.getRawPath() == null
          || !uri.getRawPath().startsWith(request.getContextPath())) {
        return null;
      }
      String path = uri.getRawPath().substring(request.getContextPath().length());
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private AuthenticationStatus basic(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (!context.isProtected()) {
      // Credentials are checked only where a staff role is required (the admin API, by web.xml
      // or by its resources' @RolesAllowed). Elsewhere under /api (SCIM, a misspelt admin path)
      // checking them would burn a password hash per request for nothing, and an answer written
      // here for a throttled source would collide with the resource's own: a 500.
      return context.doNothing();
    }
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String[] credentials = UnreadableBasic.credentials(header.substring(6));
      if (credentials != null) {
        Check check = check(request, credentials[0], credentials[1]);
        if (check.valid() != null) {
          return context.notifyContainerAboutLogin(check.valid());
        }
        if (check.throttled().isPresent()) {
          return StaffAnswers.tooManyRequests(response, context, check.throttled().getAsLong());
        }
      }
      return StaffAnswers.unauthorized(response, context, "Invalid staff credentials");
    }
    return StaffAnswers.unauthorized(
        response, context, "Staff credentials (HTTP Basic) are required");
  }

  /**
   * Checks credentials within the source's budget: over it, only credentials verified within the
   * last minute pass, without hashing; a failure keeps its slot of the budget.
   */
  private Check check(HttpServletRequest request, String username, String password) {
    Attempt attempt = throttle.staffAttempt(throttle.source(request), username);
    if (attempt.blocked().isPresent()) {
      Optional<Set<String>> roles = staff.verifiedRecently(username, password);
      if (roles.isPresent()) {
        CredentialValidationResult known = new CredentialValidationResult(username, roles.get());
        return new Check(known, OptionalLong.empty());
      }
      throttle.staffRefused();
      return new Check(null, attempt.blocked());
    }
    CredentialValidationResult result;
    try {
      result = identityStores.validate(new UsernamePasswordCredential(username, password));
    } catch (RuntimeException e) {
      attempt.release(); // not checked, so not a failure (the database is unavailable, say)
      throw e;
    }
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      attempt.release();
      return new Check(result, OptionalLong.empty());
    }
    attempt.failed();
    return new Check(null, OptionalLong.empty());
  }
}
