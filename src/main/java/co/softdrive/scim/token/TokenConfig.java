package co.softdrive.scim.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Token settings (see META-INF/microprofile-config.properties for defaults and meaning). */
@ApplicationScoped
public class TokenConfig {
  @Inject
  @ConfigProperty(name = "scim.auth.cache-seconds", defaultValue = "5")
  int cacheSeconds;

  @Inject
  @ConfigProperty(name = "scim.auth.last-used-interval-seconds", defaultValue = "60")
  int lastUsedIntervalSeconds;

  @Inject
  @ConfigProperty(name = "scim.auth.cache-max-entries", defaultValue = "100000")
  int cacheMaxEntries;

  public int cacheSeconds() {
    return cacheSeconds;
  }

  public int lastUsedIntervalSeconds() {
    return lastUsedIntervalSeconds;
  }

  public int cacheMaxEntries() {
    return cacheMaxEntries;
  }
}
