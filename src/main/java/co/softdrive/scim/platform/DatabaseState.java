package co.softdrive.scim.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the schema has been brought up to date; readiness stays DOWN until it has. */
@ApplicationScoped
public class DatabaseState {
  private final AtomicBoolean migrated = new AtomicBoolean();

  public boolean isMigrated() {
    return migrated.get();
  }

  void markMigrated() {
    migrated.set(true);
  }
}
