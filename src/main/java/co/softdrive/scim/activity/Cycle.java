package co.softdrive.scim.activity;

import java.time.Instant;

/**
 * One provisioning cycle of a tenant: a burst of Entra's requests with no pause longer than the
 * cycle gap ({@link Cycles}). Counts are of successful requests but {@code failures}.
 *
 * @param usersUpdated attribute changes and restores of users
 * @param usersDeactivated deactivations, held ones included
 * @param usersDeleted {@code DELETE /Users}
 * @param membershipChanges memberships added plus removed
 */
public record Cycle(
    Instant start,
    Instant end,
    long requests,
    long usersCreated,
    long usersUpdated,
    long usersDeactivated,
    long usersDeleted,
    long membershipChanges,
    long failures) {

  /** One minute's aggregate as the database returns it ({@link SyncStore#minutes}). */
  public record Minute(
      long firstMillis,
      long lastMillis,
      long requests,
      long usersCreated,
      long usersUpdated,
      long usersDeactivated,
      long usersDeleted,
      long membershipChanges,
      long failures) {}

  public long durationSeconds() {
    return (end.toEpochMilli() - start.toEpochMilli()) / 1000;
  }

  Cycle plus(Minute m) {
    return new Cycle(
        start,
        Instant.ofEpochMilli(Math.max(end.toEpochMilli(), m.lastMillis())),
        requests + m.requests(),
        usersCreated + m.usersCreated(),
        usersUpdated + m.usersUpdated(),
        usersDeactivated + m.usersDeactivated(),
        usersDeleted + m.usersDeleted(),
        membershipChanges + m.membershipChanges(),
        failures + m.failures());
  }

  static Cycle of(Minute m) {
    return new Cycle(
        Instant.ofEpochMilli(m.firstMillis()),
        Instant.ofEpochMilli(m.lastMillis()),
        m.requests(),
        m.usersCreated(),
        m.usersUpdated(),
        m.usersDeactivated(),
        m.usersDeleted(),
        m.membershipChanges(),
        m.failures());
  }
}
