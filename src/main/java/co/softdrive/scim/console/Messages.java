package co.softdrive.scim.console;

import co.softdrive.scim.protocol.error.ScimException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;

/** Runs a console action and turns a service's refusal into a message instead of an error page. */
final class Messages {
  private Messages() {}

  /** The action's result, or null after showing why it was refused. */
  static <T> T attempt(Supplier<T> action) {
    try {
      return action.get();
    } catch (ScimException e) {
      error(e.detail());
      return null;
    }
  }

  static boolean attempt(Runnable action) {
    try {
      action.run();
      return true;
    } catch (ScimException e) {
      error(e.detail());
      return false;
    }
  }

  // An empty detail: Faces shows the summary again as the detail when it is null.
  static void info(String summary) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, ""));
  }

  static void error(String summary) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, ""));
  }

  /** Who is acting, for audit fields (created by, revoked by). */
  static String staff() {
    var p = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
    return p == null ? "unknown" : p.getName();
  }
}
