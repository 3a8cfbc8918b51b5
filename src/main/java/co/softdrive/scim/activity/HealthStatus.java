package co.softdrive.scim.activity;

/**
 * A tenant's connection health, most urgent first (the order the tenants list sorts by): rules in
 * {@link HealthRules}.
 */
public enum HealthStatus {
  FAILING("failing"),
  SILENT("silent"),
  NEVER_CONNECTED("never connected"),
  SUSPENDED("suspended"),
  HEALTHY("healthy");

  private final String label;

  HealthStatus(String label) {
    this.label = label;
  }

  /** The words the console shows. */
  public String label() {
    return label;
  }

  /** The value of the admin API and of the console's health filter: {@code never_connected}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses {@link #code()} or the name, any case; null for null or blank. */
  public static HealthStatus parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
  }
}
