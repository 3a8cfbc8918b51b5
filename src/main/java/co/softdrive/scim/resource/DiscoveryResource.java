package co.softdrive.scim.resource;

import co.softdrive.scim.platform.ScimConfig;
import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.schema.DiscoveryDocuments;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Discovery endpoints (RFC 7644 §4): what this service provider supports, exactly. */
@Path("automations/scim")
@RequestScoped
@Produces({MediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public class DiscoveryResource {
  static final String DOCUMENTATION = "https://softdrive.co/docs/scim";

  @Inject ScimResponses responses;
  @Inject ScimConfig config;

  @GET
  @Path("ServiceProviderConfig")
  public Response serviceProviderConfig() {
    return responses.json(
        DiscoveryDocuments.serviceProviderConfig(responses.base(), config.maxCount(), DOCUMENTATION));
  }

  @GET
  @Path("ResourceTypes")
  public Response resourceTypes() {
    return responses.json(DiscoveryDocuments.resourceTypes(responses.base()));
  }

  @GET
  @Path("ResourceTypes/{name}")
  public Response resourceType(@PathParam("name") String name) {
    return responses.json(
        DiscoveryDocuments.resourceType(responses.base(), name)
            .orElseThrow(() -> ScimErrors.notFound("Resource type " + name + " not found")));
  }

  @GET
  @Path("Schemas")
  public Response schemas() {
    return responses.json(DiscoveryDocuments.schemas(responses.base()));
  }

  @GET
  @Path("Schemas/{id}")
  public Response schema(@PathParam("id") String id) {
    return responses.json(
        DiscoveryDocuments.schema(responses.base(), id)
            .orElseThrow(() -> ScimErrors.notFound("Schema " + id + " not found")));
  }
}
