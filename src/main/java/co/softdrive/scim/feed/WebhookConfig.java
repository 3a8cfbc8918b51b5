package co.softdrive.scim.feed;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Webhook settings (defaults and meaning in META-INF/microprofile-config.properties). */
@ApplicationScoped
public class WebhookConfig {
  @Inject
  @ConfigProperty(name = "scim.webhooks.allowed-networks")
  Optional<List<String>> allowedNetworks;

  private WebhookTargets targets;

  @PostConstruct
  void init() {
    targets =
        new WebhookTargets(
            allowedNetworks.orElse(List.of()).stream().filter(s -> !s.isBlank()).toList());
  }

  /** The address policy: public addresses plus {@code scim.webhooks.allowed-networks}. */
  WebhookTargets targets() {
    return targets;
  }
}
