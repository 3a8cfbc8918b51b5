package co.softdrive.scim.it;

/** Where the server under test is; failsafe passes these from the pom. */
public final class ItConfig {
  /**
   * How long the IT server waits without a successful request before it calls a tenant silent
   * ({@code scim.health.silent-after-seconds} in pom.xml).
   */
  public static final long SILENT_AFTER_MILLIS = 12_000;

  private ItConfig() {}

  public static String baseUrl() {
    return "http://localhost:" + System.getProperty("it.http.port", "9080");
  }

  public static String scimBase() {
    return baseUrl() + "/api/v1/automations/scim";
  }

  public static String adminBase() {
    return baseUrl() + "/api/v1/admin";
  }

  public static String adminUser() {
    return System.getProperty("it.admin.user", "admin");
  }

  public static String adminPassword() {
    return System.getProperty("it.admin.password", "it-admin-password");
  }

  public static String dbKind() {
    return System.getProperty("it.db.kind", "derby");
  }
}
