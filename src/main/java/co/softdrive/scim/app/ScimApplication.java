package co.softdrive.scim.app;

import co.softdrive.scim.config.ScimPaths;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** JAX-RS root: SCIM under {@link ScimPaths#SCIM_ROOT}, admin API under {@code admin} beside it. */
@ApplicationPath(ScimPaths.APPLICATION)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Softdrive SCIM provisioning service",
            version = "1",
            description =
                "SCIM 2.0 (RFC 7643/7644) endpoint for Microsoft Entra ID under "
                    + ScimPaths.SCIM_ROOT
                    + " (bearer token), and the staff admin API under /"
                    + ScimPaths.APPLICATION
                    + "/admin (HTTP Basic)."))
public class ScimApplication extends Application {}
