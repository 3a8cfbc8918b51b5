package co.softdrive.scim.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SCIM protocol settings (defaults and meaning in META-INF/microprofile-config.properties); the
 * limits are in {@link LimitsConfig}.
 */
@ApplicationScoped
public class ScimConfig {
  static final String PUBLIC_BASE_URL = "scim.public-base-url";

  @Inject
  @ConfigProperty(name = "scim.list.default-count", defaultValue = "100")
  int defaultCount;

  @Inject Config config;

  public int defaultCount() {
    return defaultCount;
  }

  /**
   * When set (e.g. https://scim.softdrive.co), used for meta.location and the Tenant URL instead of
   * the request URL. Read on each call (once per request), so that a change of the server's
   * configuration applies without a restart.
   */
  public Optional<String> publicBaseUrl() {
    return config
        .getOptionalValue(PUBLIC_BASE_URL, String.class)
        .filter(s -> !s.isBlank())
        .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  /**
   * The absolute SCIM base: see {@link ScimPaths#scimBaseUrl}.
   *
   * @param requestOrigin scheme, host, port and context path of the current request
   */
  public String scimBaseUrl(String requestOrigin) {
    return ScimPaths.scimBaseUrl(publicBaseUrl(), requestOrigin);
  }
}
