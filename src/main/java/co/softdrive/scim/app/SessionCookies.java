package co.softdrive.scim.app;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the console's session cookie {@code Secure} when the service is reached over HTTPS: {@code
 * scim.console.secure-cookie} when set, otherwise whether {@code scim.public-base-url} is an {@code
 * https} URL. The rest of the cookie's settings (HttpOnly, SameSite=Lax) are in {@code web.xml}.
 */
@WebListener
public class SessionCookies implements ServletContextListener {
  @Override
  public void contextInitialized(ServletContextEvent event) {
    Config config = ConfigProvider.getConfig();
    boolean secure =
        secure(
            config.getOptionalValue("scim.console.secure-cookie", Boolean.class),
            config.getOptionalValue("scim.public-base-url", String.class));
    event.getServletContext().getSessionCookieConfig().setSecure(secure);
  }

  static boolean secure(Optional<Boolean> configured, Optional<String> publicBaseUrl) {
    return configured.orElseGet(
        () ->
            publicBaseUrl
                .map(u -> u.strip().regionMatches(true, 0, "https://", 0, 8))
                .orElse(false));
  }
}
