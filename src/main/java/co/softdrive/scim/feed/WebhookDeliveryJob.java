package co.softdrive.scim.feed;

import co.softdrive.scim.platform.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for due webhook deliveries every {@code scim.webhooks.poll-millis}; {@link WebhookDelivery}
 * leases each endpoint, so instances share the work.
 */
@ApplicationScoped
public class WebhookDeliveryJob implements ScheduledJob {
  @Inject WebhookDelivery webhooks;

  @Inject
  @ConfigProperty(name = "scim.webhooks.poll-millis", defaultValue = "1000")
  long webhookPollMillis;

  @Override
  public String name() {
    return "webhook delivery";
  }

  @Override
  public Duration interval() {
    return Duration.ofMillis(webhookPollMillis);
  }

  @Override
  public void run() {
    webhooks.run();
  }
}
