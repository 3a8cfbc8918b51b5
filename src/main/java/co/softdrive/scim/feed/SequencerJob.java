package co.softdrive.scim.feed;

import co.softdrive.scim.platform.ScheduledJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the {@link EventSequencer} every {@code scim.feed.sequence-millis}, on every instance. */
@ApplicationScoped
public class SequencerJob implements ScheduledJob {
  @Inject EventSequencer sequencer;

  @Inject
  @ConfigProperty(name = "scim.feed.sequence-millis", defaultValue = "200")
  long sequenceMillis;

  @Override
  public String name() {
    return "change feed sequencer";
  }

  @Override
  public Duration interval() {
    return Duration.ofMillis(sequenceMillis);
  }

  @Override
  public void run() {
    sequencer.sequence();
  }
}
