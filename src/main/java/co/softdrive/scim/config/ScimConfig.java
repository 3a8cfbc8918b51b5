package co.softdrive.scim.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SCIM protocol settings (defaults and meaning in META-INF/microprofile-config.properties); the
 * limits are in {@link LimitsConfig}.
 */
@ApplicationScoped
public class ScimConfig {
  @Inject
  @ConfigProperty(name = "scim.list.default-count", defaultValue = "100")
  int defaultCount;

  @Inject
  @ConfigProperty(name = "scim.public-base-url")
  Optional<String> publicBaseUrl;

  public int defaultCount() {
    return defaultCount;
  }

  /**
   * When set (e.g. https://scim.softdrive.co), used for meta.location instead of the request URL.
   */
  public Optional<String> publicBaseUrl() {
    return publicBaseUrl
        .filter(s -> !s.isBlank())
        .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }
}
