package co.softdrive.scim.console;

import co.softdrive.scim.staff.StaffService;
import co.softdrive.scim.staff.StaffService.StaffView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Backs {@code console/staff.xhtml} (admins only, by web.xml and again here): staff accounts,
 * create, disable/enable, reset password, change roles.
 */
@Named
@ViewScoped
public class StaffPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient StaffService staff;
  @Inject transient SecurityContext security;

  private List<StaffView> accounts = List.of();
  private String newUsername;
  private String newPassword;
  private boolean newAdmin;
  private String resetUsername;
  private String resetPassword;

  public void load() {
    accounts = staff.list();
  }

  public void create() {
    if (!admin()) {
      return;
    }
    Set<String> roles = new LinkedHashSet<>(List.of(StaffService.SUPPORT));
    if (newAdmin) {
      roles.add(StaffService.ADMIN);
    }
    StaffView created = Messages.attempt(() -> staff.create(newUsername, newPassword, roles));
    newPassword = null;
    if (created != null) {
      Messages.info(
          "Staff account " + created.username() + " created with roles " + created.roles() + ".");
      newUsername = null;
      newAdmin = false;
      load();
    }
  }

  public void setEnabled(String username, boolean enabled) {
    if (!admin()) {
      return;
    }
    if (!enabled && username.equals(self())) {
      Messages.error("You cannot disable your own account.");
      return;
    }
    if (Messages.attempt(() -> staff.update(username, enabled, null, null)) != null) {
      Messages.info(
          username + (enabled ? " enabled." : " disabled; signed out at the next click."));
      load();
    }
  }

  public void prepareReset(String username) {
    resetUsername = username;
    resetPassword = null;
  }

  public void resetPassword() {
    if (!admin() || resetUsername == null) {
      return;
    }
    String user = resetUsername;
    String password = resetPassword;
    resetPassword = null;
    if (Messages.attempt(() -> staff.update(user, null, password, null)) != null) {
      Messages.info("Password of " + user + " reset. Tell them through a safe channel.");
      resetUsername = null;
    }
  }

  private boolean admin() {
    if (!security.isCallerInRole(StaffService.ADMIN)) {
      Messages.error("Only admins manage staff accounts.");
      return false;
    }
    return true;
  }

  private String self() {
    return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
  }

  public List<StaffView> getAccounts() {
    return accounts;
  }

  public String getNewUsername() {
    return newUsername;
  }

  public void setNewUsername(String newUsername) {
    this.newUsername = newUsername;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public boolean isNewAdmin() {
    return newAdmin;
  }

  public void setNewAdmin(boolean newAdmin) {
    this.newAdmin = newAdmin;
  }

  public String getResetUsername() {
    return resetUsername;
  }

  public String getResetPassword() {
    return resetPassword;
  }

  public void setResetPassword(String resetPassword) {
    this.resetPassword = resetPassword;
  }
}
