package co.softdrive.scim.protocol.schema;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/**
 * The discovery documents of RFC 7644 §4 built from {@link SchemaRegistry}: {@code /Schemas} (RFC
 * 7643 §7), {@code /ResourceTypes} (§6) and {@code /ServiceProviderConfig} (§5). Every attribute
 * and sub-attribute carries every characteristic of §7 ({@code caseExact} on complex attributes
 * too, which typed clients map to a primitive boolean), values in camelCase ({@code readWrite}),
 * never a null (docs/entra.md#r14-discovery). {@code baseUrl} is the SCIM base, e.g. {@code
 * https://host/api/v1/automations/scim}.
 */
public final class DiscoveryDocuments {
  private DiscoveryDocuments() {}

  /** {@code GET /Schemas}: a ListResponse of every schema. */
  public static JsonObject schemas(String baseUrl) {
    return listResponse(
        SchemaRegistry.schemas().stream().map(s -> schemaResource(baseUrl, s)).toList());
  }

  /** {@code GET /Schemas/{id}}; empty for an unknown id (the caller answers 404). */
  public static Optional<JsonObject> schema(String baseUrl, String id) {
    return SchemaRegistry.schema(id).map(s -> schemaResource(baseUrl, s));
  }

  /** {@code GET /ResourceTypes}: a ListResponse of User and Group. */
  public static JsonObject resourceTypes(String baseUrl) {
    return listResponse(
        SchemaRegistry.resourceTypes().stream()
            .map(t -> resourceTypeResource(baseUrl, t))
            .toList());
  }

  /** {@code GET /ResourceTypes/{name}}; empty for an unknown name. */
  public static Optional<JsonObject> resourceType(String baseUrl, String name) {
    return SchemaRegistry.resourceType(name).map(t -> resourceTypeResource(baseUrl, t));
  }

  /**
   * {@code GET /ServiceProviderConfig}. PATCH, filter, sort and ETags are supported; bulk and
   * password change are not (bulk still carries {@code maxOperations} and {@code maxPayloadSize} 0,
   * which RFC 7643 §5 marks required).
   *
   * @param maxResults the most resources a list or filter response returns
   * @param documentationUri help page for administrators, or null
   */
  public static JsonObject serviceProviderConfig(
      String baseUrl, int maxResults, String documentationUri) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("schemas", JSON.createArrayBuilder().add(Schemas.SERVICE_PROVIDER_CONFIG));
    if (documentationUri != null) {
      b.add("documentationUri", documentationUri);
    }
    return b.add("patch", supported(true))
        .add(
            "bulk",
            JSON.createObjectBuilder()
                .add("supported", false)
                .add("maxOperations", 0)
                .add("maxPayloadSize", 0))
        .add(
            "filter",
            JSON.createObjectBuilder().add("supported", true).add("maxResults", maxResults))
        .add("changePassword", supported(false))
        .add("sort", supported(true))
        .add("etag", supported(true))
        .add(
            "authenticationSchemes",
            JSON.createArrayBuilder()
                .add(
                    JSON.createObjectBuilder()
                        .add("type", "oauthbearertoken")
                        .add("name", "OAuth Bearer Token")
                        .add(
                            "description",
                            "Authentication with the Secret Token issued by Softdrive support, sent as 'Authorization: Bearer <token>'.")
                        .add("primary", true)))
        .add("meta", meta("ServiceProviderConfig", baseUrl + "/ServiceProviderConfig"))
        .build();
  }

  private static JsonObjectBuilder supported(boolean supported) {
    return JSON.createObjectBuilder().add("supported", supported);
  }

  private static JsonObject listResponse(List<JsonObject> resources) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    resources.forEach(array::add);
    return JSON.createObjectBuilder()
        .add("schemas", JSON.createArrayBuilder().add(Schemas.LIST_RESPONSE))
        .add("totalResults", resources.size())
        .add("itemsPerPage", resources.size())
        .add("startIndex", 1)
        .add("Resources", array)
        .build();
  }

  private static JsonObject schemaResource(String baseUrl, SchemaDef s) {
    JsonArrayBuilder attributes = JSON.createArrayBuilder();
    s.attributes().forEach(a -> attributes.add(attribute(a)));
    return JSON.createObjectBuilder()
        .add("schemas", JSON.createArrayBuilder().add(Schemas.SCHEMA))
        .add("id", s.id())
        .add("name", s.name())
        .add("description", s.description())
        .add("attributes", attributes)
        .add("meta", meta("Schema", baseUrl + "/Schemas/" + s.id()))
        .build();
  }

  private static JsonObject attribute(AttributeDef a) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("name", a.name())
            .add("type", a.type().wire())
            .add("multiValued", a.multiValued())
            .add("description", a.description())
            .add("required", a.required())
            .add("caseExact", a.caseExact());
    if (a.isComplex()) {
      JsonArrayBuilder subs = JSON.createArrayBuilder();
      a.subAttributes().forEach(sub -> subs.add(attribute(sub)));
      b.add("subAttributes", subs);
    }
    if (!a.canonicalValues().isEmpty()) {
      b.add("canonicalValues", JSON.createArrayBuilder(a.canonicalValues()));
    }
    if (a.type() == AttributeDef.Type.REFERENCE) {
      b.add("referenceTypes", JSON.createArrayBuilder(a.referenceTypes()));
    }
    return b.add("mutability", a.mutability().wire())
        .add("returned", a.returned().wire())
        .add("uniqueness", a.uniqueness().wire())
        .build();
  }

  private static JsonObject resourceTypeResource(String baseUrl, ResourceTypeDef t) {
    JsonArrayBuilder extensions = JSON.createArrayBuilder();
    t.extensions()
        .forEach(
            e ->
                extensions.add(
                    JSON.createObjectBuilder().add("schema", e.id()).add("required", false)));
    return JSON.createObjectBuilder()
        .add("schemas", JSON.createArrayBuilder().add(Schemas.RESOURCE_TYPE))
        .add("id", t.name())
        .add("name", t.name())
        .add("endpoint", t.endpoint())
        .add("description", t.description())
        .add("schema", t.coreSchema().id())
        .add("schemaExtensions", extensions)
        .add("meta", meta("ResourceType", baseUrl + "/ResourceTypes/" + t.name()))
        .build();
  }

  private static JsonObjectBuilder meta(String resourceType, String location) {
    return JSON.createObjectBuilder().add("resourceType", resourceType).add("location", location);
  }
}
