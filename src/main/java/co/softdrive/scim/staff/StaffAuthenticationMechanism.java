package co.softdrive.scim.staff;

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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How staff authenticate: HTTP Basic on the admin API ({@code /api/v1/admin}). SCIM requests carry
 * a bearer token and are authenticated by the SCIM layer, so this mechanism leaves them alone.
 * An unauthenticated admin API call gets a JSON 401 with {@code WWW-Authenticate: Basic}.
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {
  static final String ADMIN_API = "/api/v1/admin";
  static final String REALM = "Softdrive SCIM staff";

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String[] credentials = decodeBasic(header.substring(6).strip());
      if (credentials != null) {
        CredentialValidationResult result =
            identityStores.validate(new UsernamePasswordCredential(credentials[0], credentials[1]));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
          return context.notifyContainerAboutLogin(result);
        }
      }
      if (context.isProtected()) {
        return unauthorized(response, context, "Invalid staff credentials");
      }
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    return unauthorized(response, context, "Staff credentials (HTTP Basic) are required");
  }

  private static AuthenticationStatus unauthorized(
      HttpServletResponse response, HttpMessageContext context, String detail) {
    try {
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
      response.setContentType("application/json;charset=UTF-8");
      response
          .getWriter()
          .write("{\"status\":401,\"error\":\"unauthorized\",\"detail\":\"" + detail + "\"}");
    } catch (IOException e) {
      // The client went away; nothing else to tell it.
      return context.responseUnauthorized();
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** {@code user:password} from a Basic header, or null when malformed. */
  static String[] decodeBasic(String encoded) {
    try {
      String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
