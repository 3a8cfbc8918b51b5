package co.softdrive.scim.activity;

import java.util.List;

/**
 * Names the SCIM operation of a request from its method and its path below the SCIM base: {@code
 * Users.create}, {@code Users.get}, {@code Users.list}, {@code Users.search}, {@code
 * Users.replace}, {@code Users.patch}, {@code Users.delete}, the same for {@code Groups}, and
 * {@code Discovery} for {@code /Schemas}, {@code /ResourceTypes}, {@code /ServiceProviderConfig}
 * (RFC 7644 §3.2, §4).
 */
public record ScimOperation(String operation, String resourceType, String resourceId) {

  /** Every operation name, for the console's filter. */
  public static final List<String> NAMES =
      List.of(
          "Users.create",
          "Users.get",
          "Users.list",
          "Users.search",
          "Users.replace",
          "Users.patch",
          "Users.delete",
          "Groups.create",
          "Groups.get",
          "Groups.list",
          "Groups.search",
          "Groups.replace",
          "Groups.patch",
          "Groups.delete",
          "Discovery",
          "Other");

  /**
   * @param method the HTTP method
   * @param path the path below the SCIM base, e.g. {@code /Users/2819c223} (leading slash optional)
   */
  public static ScimOperation classify(String method, String path) {
    String p = path == null ? "" : path.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    String[] parts = p.isEmpty() ? new String[0] : p.split("/+");
    if (parts.length == 0) {
      return new ScimOperation("Other", null, null);
    }
    String first = parts[0];
    String type =
        first.equalsIgnoreCase("Users")
            ? "User"
            : first.equalsIgnoreCase("Groups") ? "Group" : null;
    if (type == null) {
      boolean discovery =
          first.equalsIgnoreCase("Schemas")
              || first.equalsIgnoreCase("ResourceTypes")
              || first.equalsIgnoreCase("ServiceProviderConfig");
      return new ScimOperation(discovery ? "Discovery" : "Other", null, null);
    }
    String prefix = type.equals("User") ? "Users." : "Groups.";
    String m = method == null ? "" : method.toUpperCase(java.util.Locale.ROOT);
    if (parts.length == 1) {
      return switch (m) {
        case "GET" -> new ScimOperation(prefix + "list", type, null);
        case "POST" -> new ScimOperation(prefix + "create", type, null);
        default -> new ScimOperation("Other", type, null);
      };
    }
    if (parts.length == 2 && parts[1].equalsIgnoreCase(".search")) {
      return new ScimOperation(m.equals("POST") ? prefix + "search" : "Other", type, null);
    }
    if (parts.length > 2) {
      return new ScimOperation("Other", type, parts[1]);
    }
    String id = parts[1];
    String name =
        switch (m) {
          case "GET" -> prefix + "get";
          case "PUT" -> prefix + "replace";
          case "PATCH" -> prefix + "patch";
          case "DELETE" -> prefix + "delete";
          default -> "Other";
        };
    return new ScimOperation(name, type, id);
  }

  /**
   * An operation by its name (one of {@link #NAMES}), for a request whose resource method JAX-RS
   * matched; {@code id} is the matched {@code {id}} path parameter, kept for Users and Groups only.
   */
  public static ScimOperation named(String name, String id) {
    String type = name.startsWith("Users.") ? "User" : name.startsWith("Groups.") ? "Group" : null;
    return new ScimOperation(name, type, type == null ? null : id);
  }

  /** The same operation with the id the server assigned (a create learns it from the response). */
  public ScimOperation withResourceId(String id) {
    return resourceId != null || id == null ? this : new ScimOperation(operation, resourceType, id);
  }
}
