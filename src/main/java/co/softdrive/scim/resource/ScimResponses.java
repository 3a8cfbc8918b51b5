package co.softdrive.scim.resource;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.persistence.MembershipRepository;
import co.softdrive.scim.protocol.json.ResourceView;
import co.softdrive.scim.protocol.json.ScimJson;
import co.softdrive.scim.protocol.list.AttributeProjection;
import co.softdrive.scim.protocol.schema.Schemas;
import co.softdrive.scim.provisioning.GroupProvisioning;
import co.softdrive.scim.query.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds every SCIM response: {@code Location}, {@code ETag} and {@code meta.location} in one
 * place, {@code application/scim+json}, attribute projection, and groups' members streamed from the
 * database page by page so that no request holds a large group in memory. Application-scoped: what
 * belongs to the request comes from the request-scoped {@link ScimUrls} and {@link ScimPrincipal}.
 */
@ApplicationScoped
public class ScimResponses {
  static final Set<String> ALWAYS_RETURNED = Set.of("id", "schemas");
  static final int MEMBER_PAGE = 1000;

  @Inject ScimUrls urls;
  @Inject GroupProvisioning groups;
  @Inject ScimPrincipal principal;

  public Response created(ResourceView view, List<String> attributes, List<String> excluded) {
    return resource(Response.created(URI.create(urls.location(view))), view, attributes, excluded);
  }

  /**
   * 200 with one resource (GET, PUT, PATCH): {@code Location} as well as {@code Content-Location},
   * as RFC 7644 §3.4.1 and §3.5.1 show it; some clients read only the former.
   */
  public Response ok(ResourceView view, List<String> attributes, List<String> excluded) {
    return resource(
        Response.ok().location(URI.create(urls.location(view))), view, attributes, excluded);
  }

  public Response noContent(ResourceView view) {
    return Response.noContent().tag(EntityTag.valueOf(view.etag())).build();
  }

  public Response json(JsonObject body) {
    return Response.ok(body.toString(), MediaTypes.SCIM_JSON_UTF8).build();
  }

  private Response resource(
      Response.ResponseBuilder builder,
      ResourceView view,
      List<String> attributes,
      List<String> excluded) {
    String location = urls.location(view);
    builder.tag(EntityTag.valueOf(view.etag())).header("Content-Location", location);
    JsonObject body =
        AttributeProjection.apply(
            ScimJson.render(view, location, null), attributes, excluded, ALWAYS_RETURNED);
    if (view.resourceType().equals("Group")
        && !AttributeProjection.excludes("members", attributes, excluded)) {
      String tenantId = principal.tenantId();
      String userBase = urls.user("");
      StreamingOutput out =
          stream -> {
            try (JsonGenerator g = JSON.createGenerator(stream)) {
              writeGroup(
                  g, body, tenantId, view.id(), userBase, memberDisplay(attributes, excluded));
            }
          };
      return builder.entity(out).type(MediaTypes.SCIM_JSON_UTF8).build();
    }
    return builder.entity(body.toString()).type(MediaTypes.SCIM_JSON_UTF8).build();
  }

  public Response list(Page<ResourceView> page, ListRequest request) {
    List<String> attrs = request.attributes();
    List<String> excluded = request.excludedAttributes();
    String tenantId = principal.tenantId();
    String userBase = urls.user("");
    List<JsonObject> items =
        page.items().stream()
            .map(
                v ->
                    AttributeProjection.apply(
                        ScimJson.render(v, urls.location(v), null),
                        attrs,
                        excluded,
                        ALWAYS_RETURNED))
            .toList();
    List<ResourceView> views = page.items();
    StreamingOutput out =
        stream -> {
          try (JsonGenerator g = JSON.createGenerator(stream)) {
            g.writeStartObject();
            g.writeStartArray("schemas").write(Schemas.LIST_RESPONSE).writeEnd();
            g.write("totalResults", page.total());
            g.write("itemsPerPage", items.size());
            g.write("startIndex", request.startIndex());
            g.writeStartArray("Resources");
            for (int i = 0; i < items.size(); i++) {
              ResourceView v = views.get(i);
              if (v.resourceType().equals("Group")
                  && !AttributeProjection.excludes("members", attrs, excluded)) {
                writeGroup(
                    g, items.get(i), tenantId, v.id(), userBase, memberDisplay(attrs, excluded));
              } else {
                g.write(items.get(i));
              }
            }
            g.writeEnd();
            g.writeEnd();
          }
        };
    return Response.ok(out, MediaTypes.SCIM_JSON_UTF8).build();
  }

  /** Whether {@code members.display} is asked for (then read by a join in the members' query). */
  private static boolean memberDisplay(List<String> attributes, List<String> excluded) {
    return AttributeProjection.returnsSubAttribute("members", "display", attributes, excluded);
  }

  /**
   * Writes a group object with its members array streamed between the attributes and meta; with
   * {@code display} the members' display names come from the same page query.
   *
   * @param userBase the members' {@code $ref} less their id ({@code <base>/Users/})
   */
  private void writeGroup(
      JsonGenerator g,
      JsonObject body,
      String tenantId,
      String groupId,
      String userBase,
      boolean display) {
    g.writeStartObject();
    for (Map.Entry<String, JsonValue> e : body.entrySet()) {
      if (!e.getKey().equals("meta")) {
        g.write(e.getKey(), e.getValue());
      }
    }
    g.writeStartArray("members");
    String after = null;
    List<MembershipRepository.Member> page;
    do {
      page =
          display
              ? groups.memberPageWithDisplayNames(tenantId, groupId, after, MEMBER_PAGE)
              : groups.memberPage(tenantId, groupId, after, MEMBER_PAGE).stream()
                  .map(id -> new MembershipRepository.Member(id, null))
                  .toList();
      for (MembershipRepository.Member m : page) {
        g.writeStartObject().write("value", m.id()).write("$ref", userBase + m.id());
        if (m.display() != null) {
          g.write("display", m.display());
        }
        g.write("type", "User").writeEnd();
      }
      g.flush();
      after = page.isEmpty() ? after : page.get(page.size() - 1).id();
    } while (page.size() == MEMBER_PAGE);
    g.writeEnd();
    if (body.containsKey("meta")) {
      g.write("meta", body.get("meta"));
    }
    g.writeEnd();
  }
}
