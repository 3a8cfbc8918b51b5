package co.softdrive.scim.config;

import java.util.Optional;

/**
 * Where the SCIM API lives, spelled once: the JAX-RS application path, the SCIM base below it, and
 * the Tenant URL built from them. Compile-time constants, so that {@code @ApplicationPath},
 * {@code @Path} and {@code @WebFilter} can name them.
 */
public final class ScimPaths {
  /** The JAX-RS application path below the context root. */
  public static final String APPLICATION = "api/v1";

  /** The first segment of the SCIM base; the path normalizer watches everything below it. */
  public static final String AUTOMATIONS = "automations";

  /** The SCIM base below the application path. */
  public static final String SCIM = AUTOMATIONS + "/scim";

  /** The SCIM base below the context root, with a leading slash: {@value}. */
  public static final String SCIM_ROOT = "/" + APPLICATION + "/" + SCIM;

  /** The root resource of {@code /Users}. */
  public static final String USERS = SCIM + "/Users";

  /** The root resource of {@code /Groups}. */
  public static final String GROUPS = SCIM + "/Groups";

  private ScimPaths() {}

  /**
   * The absolute SCIM base (the Tenant URL an administrator pastes into Entra): the public base URL
   * when one is configured, else where the request came in.
   *
   * @param publicBaseUrl {@code scim.public-base-url}, without a trailing slash
   * @param requestOrigin scheme, host, port and context path of the current request, e.g. {@code
   *     http://localhost:9080}
   */
  public static String scimBaseUrl(Optional<String> publicBaseUrl, String requestOrigin) {
    return publicBaseUrl.orElse(requestOrigin) + SCIM_ROOT;
  }
}
