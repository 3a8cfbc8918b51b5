package co.softdrive.scim.persistence;

import java.util.List;

/**
 * The schema as this build found it after migrating: what it applied, the newest migration it
 * knows, the newest one the database holds (higher while a newer release runs beside this one), and
 * the oldest migration a build must know since the last contract migration (0 when none).
 */
public record SchemaStatus(List<Integer> applied, int known, int database, int requiredKnown) {

  /** Whether this build may serve on the schema: it knows every migration a contract requires. */
  public boolean usable() {
    return requiredKnown <= known;
  }

  /** Whether a newer release has already migrated the schema beyond this build (expand only). */
  public boolean ahead() {
    return database > known;
  }
}
