package co.softdrive.scim.resource;

import co.softdrive.scim.config.LimitsConfig;
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
@ScimApi
@Path("automations/scim/{kind: ServiceProviderConfig|ResourceTypes|Schemas}")
@RequestScoped
@Produces({MediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public class DiscoveryResource {
  static final String DOCUMENTATION = "https://softdrive.co/docs/scim";

  @Inject ScimResponses responses;
  @Inject LimitsConfig limits;

  @GET
  @RecordedAs("Discovery")
  public Response list(@PathParam("kind") String kind) {
    return responses.json(
        switch (kind) {
          case "ServiceProviderConfig" ->
              DiscoveryDocuments.serviceProviderConfig(
                  responses.base(), limits.limits().maxCount(), DOCUMENTATION);
          case "ResourceTypes" -> DiscoveryDocuments.resourceTypes(responses.base());
          default -> DiscoveryDocuments.schemas(responses.base());
        });
  }

  @GET
  @Path("{id}")
  @RecordedAs("Discovery")
  public Response one(@PathParam("kind") String kind, @PathParam("id") String id) {
    var document =
        switch (kind) {
          case "ResourceTypes" -> DiscoveryDocuments.resourceType(responses.base(), id);
          case "Schemas" -> DiscoveryDocuments.schema(responses.base(), id);
          default -> java.util.Optional.<jakarta.json.JsonObject>empty();
        };
    return responses.json(
        document.orElseThrow(() -> ScimErrors.notFound(kind + " " + id + " not found")));
  }
}
