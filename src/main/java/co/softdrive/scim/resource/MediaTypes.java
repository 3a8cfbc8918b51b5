package co.softdrive.scim.resource;

/** Media types we consume and produce. */
public final class MediaTypes {
  public static final String SCIM_JSON = "application/scim+json";
  public static final String SCIM_JSON_UTF8 = "application/scim+json;charset=UTF-8";
  public static final String JSON_UTF8 = "application/json;charset=UTF-8";

  private MediaTypes() {}
}
