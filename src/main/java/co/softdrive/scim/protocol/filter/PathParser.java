package co.softdrive.scim.protocol.filter;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.path.AttrPath;

/**
 * Parses the {@code path} of a PATCH operation (RFC 7644 §3.5.2): {@code PATH = attrPath /
 * valuePath [subAttr]}, for example {@code name.familyName}, {@code emails[type eq "work"].value}
 * or {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 *
 * <p>A bare extension schema URN such as {@code
 * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User} names the whole extension object; it
 * becomes {@code AttrPath(urn, "", null)} (see {@link #isWholeExtension}). A URN counts as a bare
 * schema when its second-to-last segment is a version ({@code 2.0}), which is how every SCIM schema
 * URN is built; without the schemas at hand the parser cannot know more.
 *
 * <p>The grammar and the value-filter rule are {@link FilterParser}'s, on the same lexer; see this
 * package's documentation. Names keep the case they were written in.
 */
public final class PathParser {
  private PathParser() {}

  /** Parses a PATCH path within the default limits (tests and tools). */
  public static PatchPath parse(String path) {
    return parse(path, Limits.defaults());
  }

  /**
   * Parses a PATCH path of at most {@link Limits#pathLength()} characters.
   *
   * @throws ScimBadRequest {@code invalidPath} with the 0-based position of the problem
   */
  public static PatchPath parse(String path, Limits limits) {
    return FilterParser.parsePatchPath(path, limits);
  }

  /** Whether {@code path} names a whole extension object ({@code urn:...:2.0:User}). */
  public static boolean isWholeExtension(PatchPath path) {
    return isWholeExtension(path.attr());
  }

  /** Whether {@code attr} names a whole extension object: a schema and an empty attribute. */
  public static boolean isWholeExtension(AttrPath attr) {
    return attr.schema() != null && attr.attribute().isEmpty();
  }
}
