package co.softdrive.scim.console;

import co.softdrive.scim.tenant.LifecycleSettings;
import co.softdrive.scim.tenant.TenantService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backs the lifecycle settings form of {@code console/tenant.xhtml}: tombstone retention, the group
 * deletion policy and the deletion guard's thresholds (empty: the service defaults) of the tenant
 * {@link TenantPage} loaded.
 */
@Named
@ViewScoped
public class TenantSettingsForm implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject TenantPage page;
  @Inject transient TenantService tenants;

  private int retentionDays;
  private String groupPolicy;
  private Integer guardPercent;
  private Integer guardMinCount;
  private Integer guardWindowMinutes;

  @PostConstruct
  void init() {
    if (page.getTenant() != null) {
      LifecycleSettings s = tenants.settings(page.getId());
      retentionDays = s.retentionDays();
      groupPolicy = s.groupPolicy();
      guardPercent = s.guardPercent();
      guardMinCount = s.guardMinCount();
      guardWindowMinutes = s.guardWindowMinutes();
    }
  }

  public void saveSettings() {
    LifecycleSettings settings =
        new LifecycleSettings(
            retentionDays, groupPolicy, guardPercent, guardMinCount, guardWindowMinutes);
    if (Messages.attempt(() -> tenants.updateSettings(page.getId(), settings, Messages.staff()))
        != null) {
      Messages.info("Settings saved.");
    }
  }

  public int getRetentionDays() {
    return retentionDays;
  }

  public void setRetentionDays(int retentionDays) {
    this.retentionDays = retentionDays;
  }

  public String getGroupPolicy() {
    return groupPolicy;
  }

  public void setGroupPolicy(String groupPolicy) {
    this.groupPolicy = groupPolicy;
  }

  public Integer getGuardPercent() {
    return guardPercent;
  }

  public void setGuardPercent(Integer guardPercent) {
    this.guardPercent = guardPercent;
  }

  public Integer getGuardMinCount() {
    return guardMinCount;
  }

  public void setGuardMinCount(Integer guardMinCount) {
    this.guardMinCount = guardMinCount;
  }

  public Integer getGuardWindowMinutes() {
    return guardWindowMinutes;
  }

  public void setGuardWindowMinutes(Integer guardWindowMinutes) {
    this.guardWindowMinutes = guardWindowMinutes;
  }
}
