package co.softdrive.scim.health;

import co.softdrive.scim.persistence.SchemaStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Whether the schema has been brought up to date and this build may use it; readiness stays DOWN
 * until it has. Holds the schema versions that readiness reports (useful during rolling upgrades).
 */
@ApplicationScoped
public class DatabaseState {
  private volatile SchemaStatus schema;

  public boolean isMigrated() {
    SchemaStatus s = schema;
    return s != null && s.usable();
  }

  /** The schema as last found at start-up, if the database was reached. */
  public Optional<SchemaStatus> schema() {
    return Optional.ofNullable(schema);
  }

  /** Start-up found the schema in this state (see {@link #isMigrated}). */
  public void found(SchemaStatus status) {
    schema = status;
  }
}
