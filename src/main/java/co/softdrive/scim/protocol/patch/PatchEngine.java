package co.softdrive.scim.protocol.patch;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.Filter;
import co.softdrive.scim.protocol.filter.FilterEvaluator;
import co.softdrive.scim.protocol.filter.PatchPath;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.patch.PatchOperation.Op;
import co.softdrive.scim.protocol.patch.entra.ClearingValues;
import co.softdrive.scim.protocol.patch.entra.DottedPathKeys;
import co.softdrive.scim.protocol.patch.entra.EntraQuirks;
import co.softdrive.scim.protocol.patch.entra.FilteredMemberRemove;
import co.softdrive.scim.protocol.patch.entra.RemoveMembersByValueArray;
import co.softdrive.scim.protocol.patch.entra.UpsertFilteredElement;
import co.softdrive.scim.protocol.patch.entra.UrnQualifiedKeys;
import co.softdrive.scim.protocol.path.AttrPath;
import co.softdrive.scim.protocol.schema.AttributeDef;
import co.softdrive.scim.protocol.schema.MemberValues;
import co.softdrive.scim.protocol.schema.ResolvedAttribute;
import co.softdrive.scim.protocol.schema.ResourceNormalizer;
import co.softdrive.scim.protocol.schema.ResourceTypeDef;
import co.softdrive.scim.protocol.schema.SchemaDef;
import co.softdrive.scim.protocol.schema.ValueCoercer;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Applies a PATCH request to a resource (RFC 7644 §3.5.2): {@code add}, {@code replace} and {@code
 * remove} on every path form (attribute, sub-attribute, value filter, value filter with
 * sub-attribute, URN-qualified attribute, whole extension, no path with a value object).
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
  private final Limits limits;
  private final ValueCoercer coercer;

  public PatchEngine(EntraQuirks quirks, Limits limits) {
    this.quirks = quirks;
    this.limits = limits;
    this.coercer = new ValueCoercer(quirks.valueRewrites(), limits);
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
    Work before = new Work(type, resource);
    Work work = new Work(type, resource);
    for (PatchOperation op : request.operations()) {
      if (op.path() == null) {
        applyValueObject(work, op.op(), objectValue(op.value(), "value"));
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
  private void applyValueObject(Work w, Op op, JsonObject value) {
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

  private void applyPath(Work w, Op op, PatchPath path, JsonValue value, boolean fromValueObject) {
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
      applyMembers(w, op, path, value);
      return;
    }
    if (r.attribute().isReadOnly() || (r.subAttribute() != null && r.subAttribute().isReadOnly())) {
      throw ScimBadRequest.mutability("attribute '" + a + "' is readOnly");
    }
    Map<String, JsonValue> target = w.attributesOf(r.schema());
    if (!path.hasFilter()) {
      if (r.subAttribute() == null) {
        applyAttribute(target, r.attribute(), op, value);
      } else {
        applySubAttribute(target, r.attribute(), r.subAttribute(), op, value);
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
    applyFiltered(target, def, path.valueFilter(), sub, op, value);
  }

  /** A bare extension URN as path, or as a key of a path-less value object. */
  private void applyExtension(Work w, Op op, PatchPath path, JsonValue value) {
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

  // --- plain attribute: "title", "emails", "name", "urn:...:User:manager" ---

  private void applyAttribute(
      Map<String, JsonValue> target, AttributeDef def, Op op, JsonValue value) {
    String name = def.name();
    if (op == Op.REMOVE) {
      boolean hasValue = value != null && value.getValueType() != ValueType.NULL;
      if (hasValue && def.multiValued()) {
        if (!quirks.removeMembersByValueArray()) {
          throw ScimBadRequest.invalidSyntax(
              "'remove' of '" + name + "' takes no value; use a value filter");
        }
        removeMatching(target, def, value);
      } else if (hasValue && !quirks.clearingValues()) {
        throw ScimBadRequest.invalidSyntax("'remove' of '" + name + "' takes no value");
      } else {
        target.remove(name);
      }
      return;
    }
    if (ClearingValues.clears(value, quirks.clearingValues())) {
      if (op == Op.REPLACE || !def.multiValued()) {
        target.remove(name);
      }
      return;
    }
    Optional<JsonValue> coerced = coercer.attribute(def, value, name);
    if (coerced.isEmpty()) {
      if (op == Op.REPLACE || !def.multiValued()) {
        target.remove(name);
      }
      return;
    }
    if (!def.multiValued()) {
      JsonValue current = target.get(name);
      if (def.isComplex() && current instanceof JsonObject o) {
        target.put(
            name,
            JSON.createObjectBuilder(o)
                .addAll(JSON.createObjectBuilder((JsonObject) coerced.get()))
                .build());
      } else {
        target.put(name, coerced.get());
      }
      return;
    }
    List<JsonValue> added = coerced.get().asJsonArray();
    List<JsonValue> elements = op == Op.REPLACE ? new ArrayList<>() : elementsOf(target.get(name));
    List<Integer> touched = new ArrayList<>();
    for (JsonValue e : added) {
      int existing = elements.indexOf(e);
      if (existing < 0) {
        elements.add(e);
        touched.add(elements.size() - 1);
      } else {
        touched.add(existing);
      }
    }
    putElements(target, name, elements, touched);
  }

  /** {@link RemoveMembersByValueArray} generalised: remove the elements the given ones describe. */
  private void removeMatching(Map<String, JsonValue> target, AttributeDef def, JsonValue value) {
    Optional<JsonValue> given = coercer.attribute(def, value, def.name());
    if (given.isEmpty()) {
      return;
    }
    List<JsonValue> elements = elementsOf(target.get(def.name()));
    elements.removeIf(e -> given.get().asJsonArray().stream().anyMatch(g -> describes(def, g, e)));
    putElements(target, def.name(), elements, List.of());
  }

  /** Whether every sub-attribute of {@code given} equals the element's (case rules per schema). */
  private static boolean describes(AttributeDef def, JsonValue given, JsonValue element) {
    if (!(given instanceof JsonObject g) || !(element instanceof JsonObject e)) {
      return given.equals(element);
    }
    for (Map.Entry<String, JsonValue> f : g.entrySet()) {
      JsonValue actual = e.get(f.getKey());
      boolean caseExact = def.subAttribute(f.getKey()).map(AttributeDef::caseExact).orElse(false);
      if (actual instanceof JsonString a && f.getValue() instanceof JsonString x) {
        if (caseExact
            ? !a.getString().equals(x.getString())
            : !a.getString().equalsIgnoreCase(x.getString())) {
          return false;
        }
      } else if (!f.getValue().equals(actual)) {
        return false;
      }
    }
    return true;
  }

  // --- "name.givenName", "urn:...:User:manager.value", "emails.value" ---

  private void applySubAttribute(
      Map<String, JsonValue> target, AttributeDef def, AttributeDef sub, Op op, JsonValue value) {
    String where = def.name() + "." + sub.name();
    boolean clear = op == Op.REMOVE || ClearingValues.clears(value, quirks.clearingValues());
    if (op == Op.REMOVE
        && value != null
        && value.getValueType() != ValueType.NULL
        && !quirks.clearingValues()) {
      throw ScimBadRequest.invalidSyntax("'remove' of '" + where + "' takes no value");
    }
    JsonValue subValue = clear ? null : coercer.attribute(sub, value, where).orElse(null);
    if (!def.multiValued()) {
      JsonObject current =
          target.get(def.name()) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
      JsonObject updated = withSub(current, sub.name(), subValue);
      if (updated.isEmpty()) {
        target.remove(def.name());
      } else {
        target.put(def.name(), updated);
      }
      return;
    }
    // "emails.value" without a filter addresses that sub-attribute of every element.
    List<JsonValue> elements = elementsOf(target.get(def.name()));
    if (elements.isEmpty()) {
      if (subValue != null) {
        throw ScimBadRequest.noTarget(
            "'" + def.name() + "' has no values to set '" + sub.name() + "' on");
      }
      return;
    }
    List<JsonValue> updated = new ArrayList<>();
    for (JsonValue e : elements) {
      JsonObject u = withSub(e.asJsonObject(), sub.name(), subValue);
      if (!u.isEmpty()) {
        updated.add(u);
      }
    }
    putElements(target, def.name(), updated, List.of());
  }

  // --- "emails[type eq \"work\"]" and "emails[type eq \"work\"].value" ---

  private void applyFiltered(
      Map<String, JsonValue> target,
      AttributeDef def,
      Filter filter,
      AttributeDef sub,
      Op op,
      JsonValue value) {
    String where = sub == null ? def.name() : def.name() + "." + sub.name();
    Predicate<AttrPath> caseExact =
        p -> def.subAttribute(p.attribute()).map(AttributeDef::caseExact).orElse(false);
    List<JsonValue> elements = elementsOf(target.get(def.name()));
    List<Integer> matched = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i) instanceof JsonObject o
          && FilterEvaluator.matches(filter, o, caseExact)) {
        matched.add(i);
      }
    }
    if (op == Op.REMOVE) {
      if (value != null
          && value.getValueType() != ValueType.NULL
          && sub != null
          && !quirks.clearingValues()) {
        throw ScimBadRequest.invalidSyntax("'remove' of '" + where + "' takes no value");
      }
      List<JsonValue> kept = new ArrayList<>();
      for (int i = 0; i < elements.size(); i++) {
        if (!matched.contains(i)) {
          kept.add(elements.get(i));
        } else if (sub != null) {
          JsonObject u = withSub(elements.get(i).asJsonObject(), sub.name(), null);
          if (!u.isEmpty()) {
            kept.add(u);
          }
        }
      }
      putElements(target, def.name(), kept, List.of());
      return;
    }
    boolean clear = ClearingValues.clears(value, quirks.clearingValues());
    if (matched.isEmpty()) {
      if (clear) {
        return; // nothing there to clear
      }
      if (!quirks.upsertFilteredElement()) {
        throw ScimBadRequest.noTarget("no value of '" + def.name() + "' matches the filter");
      }
      JsonObject seed =
          UpsertFilteredElement.seed(filter)
              .orElseThrow(
                  () ->
                      ScimBadRequest.noTarget(
                          "no value of '"
                              + def.name()
                              + "' matches the filter, and the filter does not describe one"));
      JsonObject fresh =
          sub != null
              ? withSub(seed, sub.name(), coercer.attribute(sub, value, where).orElse(null))
              : JSON.createObjectBuilder(seed)
                  .addAll(JSON.createObjectBuilder(objectValue(value, where)))
                  .build();
      Optional<JsonValue> element = coercer.element(def, fresh, def.name());
      if (element.isPresent()) {
        elements.add(element.get());
        putElements(target, def.name(), elements, List.of(elements.size() - 1));
      }
      return;
    }
    for (int i : matched) {
      JsonObject current = elements.get(i).asJsonObject();
      JsonObject updated;
      if (sub != null) {
        updated =
            withSub(
                current,
                sub.name(),
                clear ? null : coercer.attribute(sub, value, where).orElse(null));
      } else if (clear) {
        updated = JsonValue.EMPTY_JSON_OBJECT;
      } else {
        JsonObject given =
            coercer
                .element(def, objectValue(value, where), def.name())
                .map(JsonValue::asJsonObject)
                .orElse(JsonValue.EMPTY_JSON_OBJECT);
        // RFC 7644 §3.5.2.3: replace swaps the matched values; add merges into them.
        updated =
            op == Op.REPLACE
                ? given
                : JSON.createObjectBuilder(current).addAll(JSON.createObjectBuilder(given)).build();
      }
      elements.set(i, updated);
    }
    List<JsonValue> kept = new ArrayList<>();
    List<Integer> touched = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i) instanceof JsonObject o && o.isEmpty()) {
        continue;
      }
      if (matched.contains(i)) {
        touched.add(kept.size());
      }
      kept.add(elements.get(i));
    }
    putElements(target, def.name(), kept, touched);
  }

  private static JsonObject objectValue(JsonValue value, String where) {
    if (!(value instanceof JsonObject o)) {
      throw ScimBadRequest.invalidValue("the value for '" + where + "' must be an object");
    }
    return o;
  }

  // --- Group members: handed to the caller as MemberChanges ---

  private void applyMembers(Work w, Op op, PatchPath path, JsonValue value) {
    if (path.attr().hasSubAttribute() || path.elementSubAttribute() != null) {
      throw ScimBadRequest.invalidPath(
          "only 'members' and 'members[value eq \"id\"]' can be patched");
    }
    if (path.hasFilter()) {
      if (op != Op.REMOVE) {
        throw ScimBadRequest.invalidPath("a filter on 'members' is supported only with 'remove'");
      }
      if (!quirks.filteredMemberRemove()) {
        throw ScimBadRequest.invalidPath("a filter on 'members' is not accepted");
      }
      w.memberChanges.add(MemberChange.remove(FilteredMemberRemove.ids(path.valueFilter())));
      return;
    }
    boolean noValue = ClearingValues.clears(value, quirks.clearingValues());
    switch (op) {
      case ADD -> {
        List<String> ids = noValue ? List.of() : memberIds(value);
        if (!ids.isEmpty()) {
          w.memberChanges.add(MemberChange.add(ids));
        }
      }
      case REPLACE ->
          w.memberChanges.add(MemberChange.replaceAll(noValue ? List.of() : memberIds(value)));
      case REMOVE -> {
        if (noValue) {
          w.memberChanges.add(MemberChange.removeAll());
        } else if (!quirks.removeMembersByValueArray()) {
          throw ScimBadRequest.invalidSyntax(
              "'remove' of 'members' takes no value; use 'members[value eq \"id\"]'");
        } else {
          List<String> ids = RemoveMembersByValueArray.ids(value, limits.valuesPerOperation());
          if (!ids.isEmpty()) {
            w.memberChanges.add(MemberChange.remove(ids));
          }
        }
      }
    }
  }

  // --- helpers ---

  private List<String> memberIds(JsonValue value) {
    return MemberValues.of(value, "members", limits.valuesPerOperation());
  }

  private static JsonObject withSub(JsonObject object, String sub, JsonValue value) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    object.forEach(
        (k, v) -> {
          if (!k.equalsIgnoreCase(sub)) {
            b.add(k, v);
          }
        });
    if (value != null) {
      b.add(sub, value);
    }
    return b.build();
  }

  private static List<JsonValue> elementsOf(JsonValue v) {
    return v instanceof JsonArray a ? new ArrayList<>(a) : new ArrayList<>();
  }

  /**
   * Writes the elements back (removing the attribute when none are left). When a touched element is
   * {@code primary: true}, every other element's {@code primary} becomes false (RFC 7643 §2.4).
   */
  private void putElements(
      Map<String, JsonValue> target, String name, List<JsonValue> elements, List<Integer> touched) {
    if (elements.isEmpty()) {
      target.remove(name);
      return;
    }
    if (elements.size() > limits.attributeValues()) {
      throw ScimBadRequest.invalidValue(
          "attribute '" + name + "' would have more than " + limits.attributeValues() + " values");
    }
    int primary = -1;
    for (int i : touched) {
      if (isPrimary(elements.get(i))) {
        primary = i;
      }
    }
    JsonArrayBuilder out = JSON.createArrayBuilder();
    for (int i = 0; i < elements.size(); i++) {
      JsonValue e = elements.get(i);
      if (primary >= 0 && i != primary && isPrimary(e)) {
        e = JSON.createObjectBuilder(e.asJsonObject()).add("primary", false).build();
      }
      out.add(e);
    }
    target.put(name, out.build());
  }

  private static boolean isPrimary(JsonValue e) {
    return e instanceof JsonObject o
        && o.get("primary") != null
        && o.get("primary").getValueType() == ValueType.TRUE;
  }

  /**
   * The resource being patched: one mutable map of attributes per schema (common attributes go with
   * the core schema), keys in canonical case. Values stay immutable JSON-P values.
   */
  private static final class Work {
    final ResourceTypeDef type;
    final Map<SchemaDef, Map<String, JsonValue>> bySchema = new LinkedHashMap<>();
    final List<MemberChange> memberChanges = new ArrayList<>();

    Work(ResourceTypeDef type, JsonObject resource) {
      this.type = type;
      for (SchemaDef s : type.allSchemas()) {
        bySchema.put(s, new LinkedHashMap<>());
      }
      Map<String, JsonValue> core = bySchema.get(type.coreSchema());
      for (Map.Entry<String, JsonValue> e : resource.entrySet()) {
        String key = e.getKey();
        if (key.equalsIgnoreCase("schemas")) {
          continue;
        }
        Optional<SchemaDef> extension = type.extension(key);
        if (extension.isPresent() && e.getValue() instanceof JsonObject nested) {
          Map<String, JsonValue> ext = bySchema.get(extension.get());
          nested.forEach((k, v) -> ext.put(canonical(extension.get(), k), v));
        } else {
          core.put(
              type.resolve(AttrPath.of(key)).map(r -> r.attribute().name()).orElse(key),
              e.getValue());
        }
      }
    }

    private static String canonical(SchemaDef schema, String key) {
      return schema.attribute(key).map(AttributeDef::name).orElse(key);
    }

    Map<String, JsonValue> attributesOf(SchemaDef schema) {
      return bySchema.get(schema == null ? type.coreSchema() : schema);
    }

    JsonObject build() {
      JsonArrayBuilder schemas = JSON.createArrayBuilder().add(type.coreSchema().id());
      JsonObjectBuilder out = JSON.createObjectBuilder();
      bySchema.get(type.coreSchema()).forEach(out::add);
      for (SchemaDef ext : type.extensions()) {
        Map<String, JsonValue> attrs = bySchema.get(ext);
        if (!attrs.isEmpty()) {
          schemas.add(ext.id());
          JsonObjectBuilder nested = JSON.createObjectBuilder();
          attrs.forEach(nested::add);
          out.add(ext.id(), nested);
        }
      }
      return JSON.createObjectBuilder().add("schemas", schemas).addAll(out).build();
    }
  }
}
