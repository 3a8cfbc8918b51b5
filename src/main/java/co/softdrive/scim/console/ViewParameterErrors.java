package co.softdrive.scim.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.view.ViewMetadata;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A console address with a missing or unusable parameter ({@code user.xhtml} without {@code id},
 * {@code users.xhtml?state=SOMETIMES}) answers 400 with the layout saying which parameter, instead
 * of Faces' {@code j_id__md_1: Validation Error} or an enum conversion message over an empty page.
 * Registered in {@code faces-config.xml}; runs before a GET request's page is rendered.
 */
public class ViewParameterErrors implements PhaseListener {
  private static final long serialVersionUID = 1L;

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RENDER_RESPONSE;
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    UIViewRoot view = faces.getViewRoot();
    if (faces.isPostback() || !faces.isValidationFailed() || view == null) {
      return;
    }
    List<String> missing = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (UIViewParameter p : ViewMetadata.getViewParameters(view)) {
      if (!p.isValid()) {
        Object submitted = p.getSubmittedValue();
        (submitted == null || submitted.toString().isEmpty() ? missing : bad).add(p.getName());
        for (Iterator<FacesMessage> m = faces.getMessages(p.getClientId(faces)); m.hasNext(); ) {
          m.next();
          m.remove();
        }
      }
    }
    if (missing.isEmpty() && bad.isEmpty()) {
      return;
    }
    ConsoleError error =
        faces.getApplication().evaluateExpressionGet(faces, "#{consoleError}", ConsoleError.class);
    error.show(400, "This address is incomplete or not valid", describe(missing, bad));
  }

  @Override
  public void afterPhase(PhaseEvent event) {}

  /** "It lacks the tenant parameter. The value of state is not one this page knows." */
  static String describe(List<String> missing, List<String> bad) {
    StringBuilder b = new StringBuilder();
    if (!missing.isEmpty()) {
      b.append("It lacks the ").append(names(missing)).append(plural(missing)).append(". ");
    }
    if (!bad.isEmpty()) {
      b.append("The value of ")
          .append(names(bad))
          .append(
              bad.size() == 1
                  ? " is not one this page can use. "
                  : " are not ones this page can use. ");
    }
    return b.append("Follow a link from the console rather than editing the address.").toString();
  }

  private static String names(List<String> names) {
    return String.join(" and ", names.stream().map(n -> "\u2018" + n + "\u2019").toList());
  }

  private static String plural(List<String> names) {
    return names.size() == 1 ? " parameter" : " parameters";
  }
}
