package co.softdrive.scim.protocol.patch;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.PatchPath;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.patch.PatchOperation.Op;
import co.softdrive.scim.protocol.patch.entra.ClearingValues;
import co.softdrive.scim.protocol.patch.entra.DottedPathKeys;
import co.softdrive.scim.protocol.patch.entra.EntraQuirks;
import co.softdrive.scim.protocol.patch.entra.UrnQualifiedKeys;
import co.softdrive.scim.protocol.path.AttrPath;
import co.softdrive.scim.protocol.schema.AttributeDef;
import co.softdrive.scim.protocol.schema.ResolvedAttribute;
import co.softdrive.scim.protocol.schema.ResourceNormalizer;
import co.softdrive.scim.protocol.schema.ResourceTypeDef;
import co.softdrive.scim.protocol.schema.SchemaDef;
import co.softdrive.scim.protocol.schema.ValueCoercer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Applies a PATCH request to a resource (RFC 7644 §3.5.2): {@code add}, {@code replace} and {@code
 * remove} on every path form (attribute, sub-attribute, value filter, value filter with
 * sub-attribute, URN-qualified attribute, whole extension, no path with a value object). This class
 * resolves each path and hands the operation to the class for its form: {@link AttributePatch},
 * {@link FilteredPatch}, {@link MemberPatch}; the resource being patched is a {@link PatchTarget},
 * the values of a multi-valued attribute are written by {@link Elements}.
 *
 * <p>A pure function: it works on a copy and either returns the complete result or throws, so a
 * failing operation leaves nothing half-applied (RFC 7644 §3.5.2: PATCH is atomic). Group {@code
 * members} never enter the JSON; operations on them become {@link MemberChange}s, and an operation
 * that does not name {@code members} never produces one
 * (docs/entra.md#q11-group-replace-never-touches-members).
 *
 * <p>Decisions where the RFC and Entra's traffic leave room:
 *
 * <ul>
 *   <li>A path into an extension URN this resource type does not know is ignored (logged at FINE),
 *       matching POST, which drops unknown extensions: Entra sends whatever extension URN the admin
 *       typed, and a 400 would make Entra retry the whole user forever
 *       (docs/entra.md#q14-unknown-schemas-and-extensions). An unknown attribute of a known schema
 *       is {@code invalidPath}; unknown keys inside a path-less value object are ignored like
 *       unknown attributes in POST. Group {@code owners} is always ignored: Softdrive does not
 *       support group owners (docs/entra.md#q12-member-values-that-are-not-users).
 *   <li>{@code remove} that matches nothing (a non-member, a filter with no match) is a no-op.
 *   <li>{@code add} or {@code replace} on a single-valued complex attribute merges sub-attributes
 *       (RFC 7644 §3.5.2.1, §3.5.2.3); on a multi-valued one {@code add} appends (skipping equal
 *       elements) and {@code replace} replaces the list; a {@code primary: true} in the new values
 *       turns the other elements' {@code primary} off (RFC 7643 §2.4).
 *   <li>After all operations the resource must still carry its required attributes ({@code
 *       userName}, Group {@code displayName}), else {@code invalidValue}; a multi-valued attribute
 *       may not grow beyond {@link Limits#attributeValues()} values.
 * </ul>
 */
public final class PatchEngine {
  private static final Logger LOG = Logger.getLogger(PatchEngine.class.getName());

  /** Attributes Entra may send that Softdrive deliberately does not keep. */
  private static final Set<String> IGNORED_GROUP_ATTRIBUTES = Set.of("owners");

  private final EntraQuirks quirks;
  private final AttributePatch attributes;
  private final FilteredPatch filtered;
  private final MemberPatch members;

  public PatchEngine(EntraQuirks quirks, Limits limits) {
    this.quirks = quirks;
    ValueCoercer coercer = new ValueCoercer(quirks.valueRewrites(), limits);
    this.attributes = new AttributePatch(quirks, limits, coercer);
    this.filtered = new FilteredPatch(quirks, limits, coercer);
    this.members = new MemberPatch(quirks, limits);
  }

  /**
   * @param type the resource's type ({@code SchemaRegistry.USER_TYPE}, {@code GROUP_TYPE})
   * @param resource the stored resource JSON (canonical, as {@link ResourceNormalizer} makes it);
   *     for a Group without {@code members} (a {@code members} key would be passed through
   *     untouched)
   * @param request the parsed request
   * @return the patched resource, the member changes and whether anything changed
   */
  public PatchResult apply(ResourceTypeDef type, JsonObject resource, PatchRequest request) {
    PatchTarget before = new PatchTarget(type, resource);
    PatchTarget work = new PatchTarget(type, resource);
    for (PatchOperation op : request.operations()) {
      if (op.path() == null) {
        applyValueObject(work, op.op(), Elements.objectValue(op.value(), "value"));
      } else {
        applyPath(work, op.op(), op.path(), op.value(), false);
      }
    }
    JsonObject result = work.build();
    ResourceNormalizer.checkRequired(type, result);
    boolean modified = !result.equals(before.build()) || !work.memberChanges.isEmpty();
    return new PatchResult(result, work.memberChanges, modified);
  }

  /** RFC 7644 §3.5.2.1/§3.5.2.3 without path: each key of the value object is a target. */
  private void applyValueObject(PatchTarget w, Op op, JsonObject value) {
    for (Map.Entry<String, JsonValue> e : value.entrySet()) {
      String key = e.getKey();
      if (key.equalsIgnoreCase("schemas")) {
        continue;
      }
      Optional<SchemaDef> extension = w.type.extension(key);
      if (extension.isPresent()) {
        applyPath(
            w, op, PatchPath.of(new AttrPath(extension.get().id(), "", null)), e.getValue(), true);
        continue;
      }
      applyPath(w, op, PatchPath.of(keyPath(key)), e.getValue(), true);
    }
  }

  private AttrPath keyPath(String key) {
    if (key.regionMatches(true, 0, "urn:", 0, 4)) {
      if (!quirks.urnQualifiedKeys()) {
        throw ScimBadRequest.invalidPath(
            "URN-qualified key '"
                + key
                + "' in a value object is not accepted; nest it under its schema");
      }
      return UrnQualifiedKeys.split(key)
          .orElseThrow(() -> ScimBadRequest.invalidPath("invalid key '" + key + "'"));
    }
    if (key.indexOf('.') >= 0) {
      if (!quirks.dottedPathKeys()) {
        throw ScimBadRequest.invalidPath(
            "dotted key '" + key + "' in a value object is not accepted; use a nested object");
      }
      return DottedPathKeys.split(key)
          .orElseThrow(() -> ScimBadRequest.invalidPath("invalid key '" + key + "'"));
    }
    return AttrPath.of(key);
  }

  private void applyPath(
      PatchTarget w, Op op, PatchPath path, JsonValue value, boolean fromValueObject) {
    AttrPath a = path.attr();
    if (a.attribute().isEmpty()) {
      applyExtension(w, op, path, value);
      return;
    }
    Optional<ResolvedAttribute> resolved = w.type.resolve(a);
    if (resolved.isEmpty()) {
      if (a.schema() != null && w.type.schema(a.schema()).isEmpty()) {
        LOG.fine(() -> "ignoring PATCH of unknown extension " + a.schema());
        return;
      }
      if (fromValueObject
          || (w.type.name().equals("Group") && IGNORED_GROUP_ATTRIBUTES.contains(a.key()))) {
        LOG.fine(() -> "ignoring PATCH of unsupported attribute " + a);
        return;
      }
      throw ScimBadRequest.invalidPath("unknown attribute '" + a + "'");
    }
    ResolvedAttribute r = resolved.get();
    if (ResourceNormalizer.isMembers(w.type, r)) {
      members.applyMembers(w, op, path, value);
      return;
    }
    if (r.attribute().isReadOnly() || (r.subAttribute() != null && r.subAttribute().isReadOnly())) {
      throw ScimBadRequest.mutability("attribute '" + a + "' is readOnly");
    }
    Map<String, JsonValue> target = w.attributesOf(r.schema());
    if (!path.hasFilter()) {
      if (r.subAttribute() == null) {
        attributes.applyAttribute(target, r.attribute(), op, value);
      } else {
        attributes.applySubAttribute(target, r.attribute(), r.subAttribute(), op, value);
      }
      return;
    }
    AttributeDef def = r.attribute();
    if (!def.multiValued() || !def.isComplex() || r.subAttribute() != null) {
      throw ScimBadRequest.invalidPath(
          "a value filter needs a multi-valued complex attribute, not '" + a + "'");
    }
    AttributeDef sub = null;
    if (path.elementSubAttribute() != null) {
      sub =
          def.subAttribute(path.elementSubAttribute())
              .orElseThrow(
                  () ->
                      ScimBadRequest.invalidPath(
                          "unknown sub-attribute '"
                              + path.elementSubAttribute()
                              + "' of '"
                              + def.name()
                              + "'"));
      if (sub.isReadOnly()) {
        throw ScimBadRequest.mutability(
            "attribute '" + def.name() + "." + sub.name() + "' is readOnly");
      }
    }
    filtered.applyFiltered(target, def, path.valueFilter(), sub, op, value);
  }

  /** A bare extension URN as path, or as a key of a path-less value object. */
  private void applyExtension(PatchTarget w, Op op, PatchPath path, JsonValue value) {
    String urn = path.attr().schema();
    Optional<SchemaDef> extension = w.type.extension(urn);
    if (extension.isEmpty()) {
      if (w.type.schema(urn).isPresent()) {
        throw ScimBadRequest.invalidPath(
            "path '" + urn + "' names the core schema, not an attribute");
      }
      LOG.fine(() -> "ignoring PATCH of unknown extension " + urn);
      return;
    }
    if (path.hasFilter()) {
      throw ScimBadRequest.invalidPath("a value filter needs an attribute, not '" + urn + "'");
    }
    if (op == Op.REMOVE) {
      w.attributesOf(extension.get()).clear();
      return;
    }
    if (ClearingValues.clears(value, quirks.clearingValues())) {
      if (op == Op.REPLACE) {
        w.attributesOf(extension.get()).clear();
      }
      return;
    }
    if (!(value instanceof JsonObject o)) {
      throw ScimBadRequest.invalidValue("the value for extension '" + urn + "' must be an object");
    }
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      AttrPath p =
          e.getKey().indexOf('.') > 0
              ? withSchema(
                  DottedPathKeys.split(e.getKey())
                      .orElseThrow(
                          () ->
                              ScimBadRequest.invalidPath(
                                  "'"
                                      + e.getKey()
                                      + "' in the value for extension '"
                                      + urn
                                      + "' is not an attribute path")),
                  extension.get().id())
              : new AttrPath(extension.get().id(), e.getKey(), null);
      applyPath(w, op, PatchPath.of(p), e.getValue(), true);
    }
  }

  private static AttrPath withSchema(AttrPath p, String schema) {
    return new AttrPath(schema, p.attribute(), p.subAttribute());
  }
}
