package co.softdrive.scim.it;

/** Where the server under test is; failsafe passes these from the pom. */
public final class ItConfig {
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
