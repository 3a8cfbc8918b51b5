package co.softdrive.scim.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;
import org.primefaces.csp.CspException;

/**
 * A console form posted without its page's CSP nonce (a browser with JavaScript off, a plain HTTP
 * client) is refused before anything of it is processed, and the browser is sent back to the page
 * with a message, instead of a 500.
 *
 * <p>With CSP on, PrimeFaces' script adds the page's nonce to every form ({@code primefaces.nonce})
 * and PrimeFaces checks it against the view's own ({@code CspState.getNonce}) only when it renders
 * the answer, so such a postback used to run its action and then fail with a {@link CspException}
 * (a 500 and a stack trace in the log). Here the same check runs right after the view is restored:
 * a postback it rejects changes nothing, and is answered with a redirect to the page (its view
 * parameters kept), which then says why. Registered in {@code faces-config.xml}.
 */
public class UnsignedPostbacks implements PhaseListener {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(UnsignedPostbacks.class.getName());

  /** The query parameter of the redirect that makes the page say why. */
  static final String REFUSED = "refused";

  static final String MESSAGE =
      "The form was sent without this page's security token, so nothing was done. It is shown"
          + " again: send it from here (the console needs JavaScript).";

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.ANY_PHASE;
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    if (event.getPhaseId() != PhaseId.RESTORE_VIEW) {
      return;
    }
    FacesContext faces = event.getFacesContext();
    if (faces.getViewRoot() == null
        || faces.getResponseComplete()
        || !(faces.isPostback() || faces.getPartialViewContext().isAjaxRequest())
        || !PrimeApplicationContext.getCurrentInstance(faces).getConfig().isCsp()) {
      return;
    }
    try {
      PrimeFacesContext.getCspState(faces).getNonce(); // validates the posted nonce
    } catch (CspException e) {
      refuse(faces, e.getMessage());
    }
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    if (event.getPhaseId() != PhaseId.RENDER_RESPONSE) {
      return;
    }
    FacesContext faces = event.getFacesContext();
    if (!faces.isPostback()
        && "form".equals(faces.getExternalContext().getRequestParameterMap().get(REFUSED))) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, MESSAGE, ""));
    }
  }

  private static void refuse(FacesContext faces, String why) {
    String viewId = faces.getViewRoot().getViewId();
    LOG.log(Level.FINE, "Refused a postback of {0}: {1}", new Object[] {viewId, why});
    ExternalContext ec = faces.getExternalContext();
    String page =
        faces
            .getApplication()
            .getViewHandler()
            .getBookmarkableURL(faces, viewId, Map.of(REFUSED, List.of("form")), true);
    try {
      ec.redirect(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }
}
