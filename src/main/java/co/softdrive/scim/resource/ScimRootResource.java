package co.softdrive.scim.resource;

import co.softdrive.scim.config.ScimPaths;
import co.softdrive.scim.protocol.error.ScimErrors;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The SCIM base itself. {@code POST /.search} there (RFC 7644 §3.4.3, a search across every
 * resource type) is answered 501 with a SCIM error that names the searches there are: paging one
 * result across two tables in the database is not offered (docs/decisions.md). Any other path under
 * the base that no resource serves stays a 404, as before this class.
 */
@ScimApi
@Path(ScimPaths.SCIM)
@RequestScoped
@Produces({MediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public class ScimRootResource {
  @POST
  @Path(".search")
  public Response search() {
    throw ScimErrors.notImplemented(
        "Searching across resource types at the service root is not supported;"
            + " POST /Users/.search or /Groups/.search");
  }
}
