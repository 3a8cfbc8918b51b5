package co.softdrive.scim.resource;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.config.ScimPaths;
import co.softdrive.scim.protocol.json.ResourceView;
import co.softdrive.scim.provisioning.GroupProvisioning;
import co.softdrive.scim.query.ListParams;
import co.softdrive.scim.query.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code /Groups}: the shared SCIM edge ({@link ResourceEndpoint}) on {@link GroupProvisioning}.
 * Only a deletion is audited with its actor (the group policy may touch members' accounts).
 */
@ScimApi
@RecordedAs("Groups")
@Path(ScimPaths.GROUPS)
@ApplicationScoped
public class GroupsResource extends ResourceEndpoint {
  @Inject GroupProvisioning groups;

  @Override
  Page<ResourceView> list(String tenantId, ListParams params) {
    return groups.list(tenantId, params);
  }

  @Override
  ResourceView create(String tenantId, JsonObject body, Actor actor) {
    return groups.create(tenantId, body);
  }

  @Override
  ResourceView find(String tenantId, String id) {
    return groups.get(tenantId, id);
  }

  @Override
  ResourceView replace(String tenantId, String id, JsonObject body, String ifMatch, Actor actor) {
    return groups.replace(tenantId, id, body, ifMatch);
  }

  @Override
  ResourceView patch(String tenantId, String id, JsonObject body, String ifMatch, Actor actor) {
    return groups.patch(tenantId, id, body, ifMatch);
  }

  @Override
  void delete(String tenantId, String id, String ifMatch, Actor actor) {
    groups.delete(tenantId, id, ifMatch, actor);
  }

  /**
   * 204 as Entra expects ("returning a body with a list of all the members isn't advisable"); 200
   * with the group when the client asks for it with {@code attributes} or {@code
   * excludedAttributes}.
   */
  @Override
  Response patched(ResourceView group) {
    if (attributes().isEmpty() && excluded().isEmpty()) {
      return responses.noContent(group);
    }
    return super.patched(group);
  }
}
