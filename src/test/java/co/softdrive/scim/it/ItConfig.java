package co.softdrive.scim.it;

/** Where the server under test is; failsafe passes these from the pom. */
public final class ItConfig {
  private ItConfig() {}

  /**
   * How long the IT server waits without a successful request before it calls a tenant silent (the
   * pom's {@code it.silent-after-seconds}, which also configures the server).
   */
  public static long silentAfterMillis() {
    return Long.parseLong(System.getProperty("it.silent-after-seconds", "12")) * 1000;
  }

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
