package co.softdrive.scim.resource;

import co.softdrive.scim.config.ScimConfig;
import co.softdrive.scim.config.ScimPaths;
import co.softdrive.scim.protocol.json.ResourceView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The absolute URLs a response names: the SCIM base ({@code scim.public-base-url} when set, else
 * where the request came in), a resource's location and a member's {@code $ref}. The base is worked
 * out once per request.
 */
@RequestScoped
public class ScimUrls {
  @Inject HttpServletRequest request;
  @Inject ScimConfig config;

  private String base;

  /** Absolute base of the SCIM API, e.g. {@code https://host/api/v1/automations/scim}. */
  public String base() {
    if (base == null) {
      base = config.scimBaseUrl(origin(request.getRequestURL().toString()));
    }
    return base;
  }

  /** Where a resource lives: {@code <base>/Users/<id>} or {@code <base>/Groups/<id>}. */
  public String location(ResourceView view) {
    return (view.resourceType().equals("User") ? user("") : base() + "/Groups/") + view.id();
  }

  /** A user's location, the {@code $ref} of a member. */
  public String user(String id) {
    return base() + "/Users/" + id;
  }

  /** Scheme, host, port and context path of a request URL: all before the application path. */
  static String origin(String requestUrl) {
    int api = requestUrl.indexOf("/" + ScimPaths.APPLICATION + "/");
    return api < 0 ? requestUrl : requestUrl.substring(0, api);
  }
}
