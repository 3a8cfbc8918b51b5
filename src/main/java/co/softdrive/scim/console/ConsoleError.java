package co.softdrive.scim.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What went wrong on this request, said in plain words inside the console layout instead of a bare
 * container page or a Faces validation message over an empty page: an unknown or purged id, a
 * missing or bad address parameter ({@link ViewParameterErrors}), a page the staff role does not
 * allow, or a container error (404, 403, 500) for a console path ({@code error.xhtml}). The layout
 * shows the error in place of the page's content and the answer keeps the status.
 */
@Named
@RequestScoped
public class ConsoleError {
  private int status;
  private String title;
  private String message;

  /** Shows an error in place of the page's content, with its status. */
  void show(int status, String title, String message) {
    this.status = status;
    this.title = title;
    this.message = message;
    FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
  }

  /** The page's object does not exist (any more) for this tenant. */
  void notFound(String what) {
    show(
        404,
        what,
        "It may never have existed, belong to another tenant, or have been removed: deleted users"
            + " are purged once their tombstone retention ends. Check the address, or search for it"
            + " from the tenant's pages.");
  }

  public boolean isShown() {
    if (title == null) {
      fromContainer();
    }
    return title != null;
  }

  /** On the container's error page: the status it reports, said in words. */
  private void fromContainer() {
    Object code =
        ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
            .getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code instanceof Integer c) {
      status = c;
      title = titleOf(c);
      message = messageOf(c);
    }
  }

  static String titleOf(int status) {
    return switch (status) {
      case 403 -> "Not allowed";
      case 404 -> "No such page";
      case 400 -> "The address is not valid";
      default -> status >= 500 ? "Something went wrong on our side" : "The request failed";
    };
  }

  static String messageOf(int status) {
    return switch (status) {
      case 403 ->
          "Your staff role does not allow this page. Staff accounts are managed by admins; ask one"
              + " if you need access.";
      case 404 ->
          "There is no console page at this address. Check the link, or start again from"
              + " the tenants list.";
      case 400 -> "The address could not be read. Start again from the tenants list.";
      default ->
          status >= 500
              ? "The page could not be shown. Try again in a moment; if it keeps failing, the"
                  + " service's log has the details."
              : "The request could not be completed (status " + status + ").";
    };
  }

  public int getStatus() {
    return status;
  }

  public String getTitle() {
    return title;
  }

  public String getMessage() {
    return message;
  }
}
