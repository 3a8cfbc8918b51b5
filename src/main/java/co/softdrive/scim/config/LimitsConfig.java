package co.softdrive.scim.config;

import co.softdrive.scim.protocol.limits.Limits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code scim.limits.*} setting, read in this one place (defaults and meaning in
 * META-INF/microprofile-config.properties): the request {@link Limits} handed to the parsers, the
 * per-tenant request rate, the failed-authentication throttle, and how long and how many request
 * bodies are waited for.
 */
@ApplicationScoped
public class LimitsConfig {
  @Inject Config config;

  @Inject
  @ConfigProperty(name = "scim.limits.rate.per-second", defaultValue = "100")
  int ratePerSecond;

  @Inject
  @ConfigProperty(name = "scim.limits.rate.burst-seconds", defaultValue = "2")
  int burstSeconds;

  @Inject
  @ConfigProperty(name = "scim.limits.rate.heartbeat-seconds", defaultValue = "10")
  int heartbeatSeconds;

  @Inject
  @ConfigProperty(name = "scim.limits.auth.max-failures", defaultValue = "20")
  int authMaxFailures;

  @Inject
  @ConfigProperty(name = "scim.limits.auth.staff-max-failures", defaultValue = "5")
  int staffMaxFailures;

  @Inject
  @ConfigProperty(name = "scim.limits.auth.window-seconds", defaultValue = "300")
  int failureWindowSeconds;

  @Inject
  @ConfigProperty(name = "scim.limits.auth.trusted-proxies")
  Optional<String> trustedProxies;

  @Inject
  @ConfigProperty(name = "scim.limits.request-body-seconds", defaultValue = "10")
  int requestBodySeconds;

  @Inject
  @ConfigProperty(name = "scim.limits.body-readers", defaultValue = "16")
  int bodyReaders;

  private Limits limits;

  @PostConstruct
  void init() {
    limits = Limits.fromConfig(key -> config.getOptionalValue(key, String.class));
  }

  /** The request limits for the protocol parsers and the JSON body reader. */
  public Limits limits() {
    return limits;
  }

  /** A tenant's sustained request rate unless its own setting says otherwise; 0 means no limit. */
  public int ratePerSecond() {
    return ratePerSecond;
  }

  /** How many seconds' worth of requests a tenant may send at once after a quiet period. */
  public int burstSeconds() {
    return Math.max(1, burstSeconds);
  }

  /** How often each instance records that it is alive (the rate limit is shared among them). */
  public int heartbeatSeconds() {
    return Math.max(1, heartbeatSeconds);
  }

  /** Failed bearer authentications with unknown tokens from one source within the window. */
  public int authMaxFailures() {
    return Math.max(1, authMaxFailures);
  }

  /** Failed staff sign-ins (admin API or console) per username and source in the window. */
  public int staffMaxFailures() {
    return Math.max(1, staffMaxFailures);
  }

  /** The failed-authentication window, in seconds. */
  public int failureWindowSeconds() {
    return Math.max(1, failureWindowSeconds);
  }

  /** How long a request body may take to arrive, from the end of its headers. */
  public int requestBodySeconds() {
    return Math.max(1, requestBodySeconds);
  }

  /** How many request bodies an instance reads at the same time (503 for the next one). */
  public int bodyReaders() {
    return Math.max(1, bodyReaders);
  }

  /** Peers whose {@code X-Forwarded-For} is believed: IP addresses or CIDR blocks. */
  public List<String> trustedProxies() {
    return trustedProxies.stream()
        .flatMap(s -> Arrays.stream(s.split(",")))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
