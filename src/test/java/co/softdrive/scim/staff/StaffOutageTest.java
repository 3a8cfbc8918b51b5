package co.softdrive.scim.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.health.DatabaseProbe;
import co.softdrive.scim.throttle.Throttles;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff authentication while the database is unavailable (PostgreSQL refusing connections: SQLState
 * 55000, and the probe fails): the admin API, the feed and the console answer 503 with {@code
 * Retry-After}, whatever the credentials, and the failure budget is not spent. The same against a
 * real outage: {@code it.reliability.DegradedDatabaseIT}, in the PostgreSQL pass.
 */
class StaffOutageTest {
  static final String SOURCE = "127.0.0.1";

  StaffAuthenticationMechanism mechanism;
  boolean databaseAnswers;

  /** What the mechanism did to the response and the request. */
  static final class Exchange {
    int status = 200;
    final Map<String, String> headers = new HashMap<>();
    final Map<String, Object> attributes = new HashMap<>();
    final StringWriter body = new StringWriter();
  }

  @BeforeEach
  void mechanismOverAnUnavailableDatabase() {
    PersistenceException refused =
        new PersistenceException(new SQLException("database does not allow connections", "55000"));
    mechanism = new StaffAuthenticationMechanism();
    mechanism.identityStores =
        credential -> {
          throw refused;
        };
    mechanism.staff =
        new StaffService() {
          @Override
          public Optional<Set<String>> currentRoles(String username) {
            throw refused;
          }
        };
    mechanism.database =
        new DatabaseProbe() {
          @Override
          public boolean reachable() {
            return databaseAnswers;
          }
        };
    mechanism.throttle = Throttles.alone(5);
  }

  @Test
  void theAdminApiAndTheFeedAnswer503WithRetryAfterForRightAndWrongPasswords() {
    for (String path : List.of("/api/v1/admin/tenants", "/api/v1/admin/events")) {
      for (String password : List.of("the-right-password", "wrong-password")) {
        Exchange x = new Exchange();
        AuthenticationStatus status = basic(path, "alice", password, x);
        assertEquals(AuthenticationStatus.SEND_FAILURE, status);
        assertEquals(503, x.status);
        assertEquals("5", x.headers.get("Retry-After"));
        assertEquals(
            "{\"status\":503,\"error\":\"service_unavailable\",\"detail\":\"The service is"
                + " temporarily unavailable; retry later\"}",
            x.body.toString());
      }
    }
  }

  @Test
  void checksThatCouldNotRunSpendNoneOfTheFailureBudget() {
    for (int i = 0; i < 20; i++) {
      basic("/api/v1/admin/tenants", "alice", "wrong-password", new Exchange());
    }
    assertTrue(mechanism.throttle.staffAttempt(SOURCE, "alice").blocked().isEmpty());
  }

  @Test
  void aConsolePageOfASignedInSessionIsTheUnavailablePage() {
    Exchange x = new Exchange();
    AuthenticationStatus status =
        mechanism.validateRequest(
            request("GET", "/console/tenants.xhtml", Map.of(), signedIn(), x),
            response(x),
            context(null, x));
    assertEquals(AuthenticationStatus.SEND_CONTINUE, status);
    assertEquals(503, x.status);
    assertEquals("5", x.headers.get("Retry-After"));
    assertTrue(x.body.toString().contains("Temporarily unavailable"), x.body::toString);
    assertTrue(
        x.body.toString().contains("href=\"/jakarta.faces.resource/console.css.xhtml?ln=console\""),
        "in the console's style");
  }

  @Test
  void theConsoleStylesheetIsStillServed() {
    Exchange x = new Exchange();
    AuthenticationStatus status =
        mechanism.validateRequest(
            request("GET", "/jakarta.faces.resource/console.css.xhtml", Map.of(), signedIn(), x),
            response(x),
            context(null, x));
    assertEquals(AuthenticationStatus.NOT_DONE, status);
    assertEquals(200, x.status);
  }

  @Test
  void aConsoleAjaxPostbackReloadsItsPageToGetThatAnswer() {
    Exchange x = new Exchange();
    HttpServletRequest request =
        request(
            "POST",
            "/console/user.xhtml?tenant=t1&id=u1",
            Map.of("Faces-Request", "partial/ajax"),
            signedIn(),
            x);
    mechanism.validateRequest(request, response(x), context(null, x));
    assertEquals(200, x.status, "a failed ajax request would show nothing");
    assertTrue(
        x.body.toString().contains("<redirect url=\"/console/user.xhtml?tenant=t1&amp;id=u1\"/>"),
        x.body::toString);
  }

  @Test
  void theSignInPageSaysSoWith503RightOrWrongPassword() {
    for (String password : List.of("the-right-password", "wrong-password")) {
      Exchange x = new Exchange();
      UsernamePasswordCredential credential =
          new UsernamePasswordCredential("alice", new Password(password));
      AuthenticationStatus status =
          mechanism.validateRequest(
              request("POST", "/login.xhtml", Map.of(), null, x),
              response(x),
              context(credential, x));
      assertEquals(AuthenticationStatus.SEND_FAILURE, status);
      assertEquals(503, x.status);
      assertEquals("5", x.headers.get("Retry-After"));
      assertEquals(5L, x.attributes.get(StaffAuthenticationMechanism.UNAVAILABLE_SECONDS));
      assertNull(x.attributes.get(StaffAuthenticationMechanism.THROTTLED_SECONDS));
    }
  }

  @Test
  void aDatabaseErrorWhileTheDatabaseAnswersIsNoOutage() {
    databaseAnswers = true;
    assertThrows(
        PersistenceException.class,
        () -> basic("/api/v1/admin/tenants", "alice", "any-password", new Exchange()));
  }

  private AuthenticationStatus basic(String path, String user, String password, Exchange x) {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return mechanism.validateRequest(
        request("GET", path, Map.of("Authorization", "Basic " + basic), null, x),
        response(x),
        context(null, x));
  }

  private static HttpSession signedIn() {
    return fake(
        HttpSession.class,
        Map.of("getAttribute", args -> new StaffSession("alice", 0), "invalidate", args -> null));
  }

  private static HttpServletRequest request(
      String method,
      String pathAndQuery,
      Map<String, String> headers,
      HttpSession session,
      Exchange x) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? null : pathAndQuery.substring(q + 1);
    return fake(
        HttpServletRequest.class,
        Map.ofEntries(
            Map.entry("getMethod", args -> method),
            Map.entry("getRequestURI", args -> path),
            // As for a servlet mapped by extension: the whole path, no path info.
            Map.entry("getServletPath", args -> path),
            Map.entry("getQueryString", args -> query),
            Map.entry("getContextPath", args -> ""),
            Map.entry("getRemoteAddr", args -> SOURCE),
            Map.entry("getHeader", args -> headers.get((String) args[0])),
            Map.entry("getSession", args -> session),
            Map.entry("setAttribute", args -> x.attributes.put((String) args[0], args[1])),
            Map.entry("getAttribute", args -> x.attributes.get((String) args[0]))));
  }

  private static HttpServletResponse response(Exchange x) {
    return fake(
        HttpServletResponse.class,
        Map.of(
            "setStatus", args -> x.status = (Integer) args[0],
            "setHeader", args -> x.headers.put((String) args[0], (String) args[1]),
            "getWriter", args -> new PrintWriter(x.body, true)));
  }

  private static HttpMessageContext context(UsernamePasswordCredential credential, Exchange x) {
    return fake(
        HttpMessageContext.class,
        Map.of(
            "isProtected", args -> true,
            "isAuthenticationRequest", args -> credential != null,
            "getAuthParameters",
                args -> AuthenticationParameters.withParams().credential(credential),
            "responseUnauthorized", args -> AuthenticationStatus.SEND_FAILURE,
            "doNothing", args -> AuthenticationStatus.NOT_DONE));
  }

  /** An interface whose listed methods answer as given; the others return null, false or 0. */
  private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Function<Object[], Object> answer = answers.get(method.getName());
          if (answer != null) {
            Object result = answer.apply(args);
            return method.getReturnType() == void.class ? null : result;
          }
          Class<?> r = method.getReturnType();
          if (r == boolean.class) {
            return false;
          }
          if (r == int.class) {
            return 0;
          }
          return r == long.class ? (Object) 0L : null;
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
