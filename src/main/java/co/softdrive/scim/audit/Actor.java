package co.softdrive.scim.audit;

/**
 * Who or what made a change: a tenant's token (Entra), a staff account (console or admin API), or a
 * scheduled job.
 *
 * @param type {@code token}, {@code staff} or {@code job}
 * @param id token display prefix, staff username, or job name
 */
public record Actor(String type, String id) {
  public static Actor token(String prefix) {
    return new Actor("token", prefix);
  }

  public static Actor staff(String username) {
    return new Actor("staff", username);
  }

  public static Actor job(String name) {
    return new Actor("job", name);
  }
}
