package co.softdrive.scim.console;

import co.softdrive.scim.protocol.error.ScimException;
import co.softdrive.scim.tenant.TenantService;
import co.softdrive.scim.tenant.TenantView;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/**
 * Loads the tenant a page is about ({@code ?tenant=}) or answers 404 with the layout saying so
 * ({@link ConsoleError}).
 */
final class TenantScoped {
  private TenantScoped() {}

  static TenantView load(TenantService tenants, String tenantId) throws IOException {
    try {
      return tenants.get(tenantId);
    } catch (ScimException e) {
      notFound("No such tenant");
      return null;
    }
  }

  /** Sends the browser to {@code page?tenant=&id=} (a purged user, a deleted group). */
  static void redirect(String page, String tenantId, String id) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    var ec = faces.getExternalContext();
    ec.redirect(
        ec.getRequestContextPath()
            + page
            + "?tenant="
            + java.net.URLEncoder.encode(tenantId, java.nio.charset.StandardCharsets.UTF_8)
            + "&id="
            + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
    faces.responseComplete();
  }

  static void notFound(String what) throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces
        .getApplication()
        .evaluateExpressionGet(faces, "#{consoleError}", ConsoleError.class)
        .notFound(what);
  }
}
