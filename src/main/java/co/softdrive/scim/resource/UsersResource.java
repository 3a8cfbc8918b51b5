package co.softdrive.scim.resource;

import co.softdrive.scim.audit.Actor;
import co.softdrive.scim.config.ScimPaths;
import co.softdrive.scim.protocol.json.ResourceView;
import co.softdrive.scim.provisioning.UserProvisioning;
import co.softdrive.scim.query.ListParams;
import co.softdrive.scim.query.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;

/**
 * {@code /Users}: the shared SCIM edge ({@link ResourceEndpoint}) on {@link UserProvisioning}. A
 * PATCH answers 200 with the user: Microsoft's validator reads the PATCH response.
 */
@ScimApi
@RecordedAs("Users")
@Path(ScimPaths.USERS)
@ApplicationScoped
public class UsersResource extends ResourceEndpoint {
  @Inject UserProvisioning users;

  @Override
  Page<ResourceView> list(String tenantId, ListParams params) {
    return users.list(tenantId, params);
  }

  @Override
  ResourceView create(String tenantId, JsonObject body, Actor actor) {
    return users.create(tenantId, body, actor);
  }

  @Override
  ResourceView find(String tenantId, String id) {
    return users.get(tenantId, id);
  }

  @Override
  ResourceView replace(String tenantId, String id, JsonObject body, String ifMatch, Actor actor) {
    return users.replace(tenantId, id, body, ifMatch, actor);
  }

  @Override
  ResourceView patch(String tenantId, String id, JsonObject body, String ifMatch, Actor actor) {
    return users.patch(tenantId, id, body, ifMatch, actor);
  }

  @Override
  void delete(String tenantId, String id, String ifMatch, Actor actor) {
    users.delete(tenantId, id, ifMatch, actor);
  }
}
