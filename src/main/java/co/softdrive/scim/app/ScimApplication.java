package co.softdrive.scim.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * JAX-RS root: SCIM under {@code /api/v1/automations/scim}, admin API under {@code /api/v1/admin}.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Softdrive SCIM provisioning service",
            version = "1",
            description =
                "SCIM 2.0 (RFC 7643/7644) endpoint for Microsoft Entra ID under"
                    + " /api/v1/automations/scim (bearer token), and the staff admin API under"
                    + " /api/v1/admin (HTTP Basic)."))
public class ScimApplication extends Application {}
