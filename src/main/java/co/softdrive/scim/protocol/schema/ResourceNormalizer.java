package co.softdrive.scim.protocol.schema;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.path.AttrPath;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a POST or PUT body (RFC 7644 §3.3, §3.5.1) into the canonical JSON we store.
 *
 * <ul>
 *   <li>Attribute names become canonical ({@code UserName} → {@code userName}); values are stored
 *       as sent, as Microsoft asks (docs/entra.md#r4-create-user).
 *   <li>Unknown attributes, unknown extension objects, JSON nulls, the client's {@code schemas},
 *       {@code id}, {@code meta} and other read-only attributes ({@code groups}) are dropped.
 *   <li>Extension attributes are accepted nested under their URN or flat as {@code
 *       urn:...:User:userType}; the output nests them under the URN. The output's {@code schemas}
 *       lists the core schema and the extensions actually present (unknown URIs such as Entra's
 *       ADSCIM group URI are tolerated, docs/entra.md#q14-unknown-schemas-and-extensions).
 *   <li>Client quirks (string booleans, manager shorthand, roles as JSON strings) are undone by the
 *       {@link ValueRewrite}s given to the constructor.
 *   <li>Group {@code members} are returned apart, as ids ({@link NormalizedResource}).
 * </ul>
 *
 * Errors: a missing required attribute or a value of the wrong type is {@code invalidValue} naming
 * the attribute.
 */
public final class ResourceNormalizer {
  private final ValueCoercer coercer;
  private final Limits limits;

  /**
   * @param rewrites client quirks to undo, usually {@code EntraQuirks.valueRewrites()}
   * @param limits string lengths, values per attribute and members per body
   */
  public ResourceNormalizer(List<ValueRewrite> rewrites, Limits limits) {
    this.coercer = new ValueCoercer(rewrites, limits);
    this.limits = limits;
  }

  /** The canonical attributes of {@code body}; Group members are left out. */
  public JsonObject normalize(ResourceTypeDef type, JsonObject body) {
    return normalizeWithMembers(type, body).attributes();
  }

  /** The canonical attributes of {@code body} and, for a Group, its member ids. */
  public NormalizedResource normalizeWithMembers(ResourceTypeDef type, JsonObject body) {
    Map<SchemaDef, Map<String, JsonValue>> bySchema = new LinkedHashMap<>();
    for (SchemaDef s : type.allSchemas()) {
      bySchema.put(s, new LinkedHashMap<>());
    }
    List<String> members = null;
    for (Map.Entry<String, JsonValue> e : body.entrySet()) {
      String key = e.getKey();
      JsonValue value = e.getValue();
      if (value.getValueType() == ValueType.NULL || key.equalsIgnoreCase("schemas")) {
        continue;
      }
      Optional<SchemaDef> extension = type.extension(key);
      if (extension.isPresent()) {
        if (!(value instanceof JsonObject nested)) {
          throw ScimBadRequest.invalidValue("extension '" + key + "' must be an object");
        }
        for (Map.Entry<String, JsonValue> n : nested.entrySet()) {
          AttrPath path = new AttrPath(extension.get().id(), n.getKey(), null);
          type.resolve(path).ifPresent(r -> put(type, bySchema, r, n.getValue()));
        }
        continue;
      }
      Optional<ResolvedAttribute> resolved = type.resolve(ResourceTypeDef.parseReference(key));
      if (resolved.isEmpty()) {
        continue; // unknown attribute or unknown extension URN: tolerated, not stored
      }
      if (isMembers(type, resolved.get())) {
        members = MemberValues.of(value, "members", limits.valuesPerOperation());
        continue;
      }
      put(type, bySchema, resolved.get(), value);
    }
    JsonObject attributes = build(type, bySchema);
    checkRequired(type, attributes);
    return new NormalizedResource(attributes, members);
  }

  /** Whether this is the Group {@code members} attribute, which lives outside the JSON. */
  public static boolean isMembers(ResourceTypeDef type, ResolvedAttribute attribute) {
    return type.coreSchema() == SchemaRegistry.GROUP
        && attribute.schema() == SchemaRegistry.GROUP
        && attribute.attribute().name().equals("members");
  }

  private void put(
      ResourceTypeDef type,
      Map<SchemaDef, Map<String, JsonValue>> bySchema,
      ResolvedAttribute r,
      JsonValue value) {
    if (r.attribute().isReadOnly() || (r.subAttribute() != null && r.subAttribute().isReadOnly())) {
      return; // id, meta, groups: the server owns them
    }
    Map<String, JsonValue> target =
        bySchema.get(r.schema() == null ? type.coreSchema() : r.schema());
    AttributeDef def = r.attribute();
    if (r.subAttribute() == null) {
      coercer.attribute(def, value, def.name()).ifPresent(v -> target.put(def.name(), v));
      return;
    }
    if (def.multiValued()) {
      return; // "emails.value" without an element makes no sense in a resource body
    }
    AttributeDef sub = r.subAttribute();
    Optional<JsonValue> v = coercer.attribute(sub, value, def.name() + "." + sub.name());
    if (v.isPresent()) {
      JsonValue existing = target.get(def.name());
      JsonObjectBuilder merged =
          existing instanceof JsonObject o
              ? JSON.createObjectBuilder(o)
              : JSON.createObjectBuilder();
      target.put(def.name(), merged.add(sub.name(), v.get()).build());
    }
  }

  /**
   * Assembles a resource from its attributes by schema: the core schema's at the top, each
   * extension with attributes as a nested object, {@code schemas} listing the core schema and those
   * extensions; shared with the PATCH engine, which rebuilds the patched resource.
   */
  public static JsonObject build(
      ResourceTypeDef type, Map<SchemaDef, Map<String, JsonValue>> bySchema) {
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

  /**
   * Fails with {@code invalidValue} when a required attribute of the core schema has no value;
   * shared with the PATCH engine, which checks the patched resource.
   */
  public static void checkRequired(ResourceTypeDef type, JsonObject resource) {
    for (AttributeDef a : type.coreSchema().attributes()) {
      if (!a.required()) {
        continue;
      }
      JsonValue v = resource.get(a.name());
      boolean missing =
          v == null
              || v.getValueType() == ValueType.NULL
              || (v instanceof jakarta.json.JsonString s && s.getString().isBlank());
      if (missing) {
        throw ScimBadRequest.invalidValue("required attribute '" + a.name() + "' is missing");
      }
    }
  }
}
