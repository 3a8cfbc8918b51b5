package co.softdrive.scim.resource;

import co.softdrive.scim.config.LimitsConfig;
import co.softdrive.scim.config.ScimPaths;
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
@RecordedAs("Discovery")
@Path(ScimPaths.SCIM + "/{kind: ServiceProviderConfig|ResourceTypes|Schemas}")
@RequestScoped
@Produces({MediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public class DiscoveryResource {
  static final String DOCUMENTATION = "https://softdrive.co/docs/scim";

  @Inject ScimResponses responses;
  @Inject ScimUrls urls;
  @Inject LimitsConfig limits;

  @GET
  public Response list(@PathParam("kind") String kind) {
    return responses.json(
        switch (kind) {
          case "ServiceProviderConfig" ->
              DiscoveryDocuments.serviceProviderConfig(
                  urls.base(), limits.limits().maxCount(), DOCUMENTATION);
          case "ResourceTypes" -> DiscoveryDocuments.resourceTypes(urls.base());
          default -> DiscoveryDocuments.schemas(urls.base());
        });
  }

  @GET
  @Path("{id}")
  public Response one(@PathParam("kind") String kind, @PathParam("id") String id) {
    var document =
        switch (kind) {
          case "ResourceTypes" -> DiscoveryDocuments.resourceType(urls.base(), id);
          case "Schemas" -> DiscoveryDocuments.schema(urls.base(), id);
          default -> java.util.Optional.<jakarta.json.JsonObject>empty();
        };
    return responses.json(
        document.orElseThrow(() -> ScimErrors.notFound(kind + " " + id + " not found")));
  }
}
