package co.softdrive.scim.protocol.patch;

import co.softdrive.scim.protocol.path.AttrPath;
import co.softdrive.scim.protocol.schema.AttributeDef;
import co.softdrive.scim.protocol.schema.ResourceNormalizer;
import co.softdrive.scim.protocol.schema.ResourceTypeDef;
import co.softdrive.scim.protocol.schema.SchemaDef;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource being patched: one mutable map of attributes per schema (common attributes go with
 * the core schema), keys in canonical case. Values stay immutable JSON-P values.
 */
final class PatchTarget {
  final ResourceTypeDef type;
  final Map<SchemaDef, Map<String, JsonValue>> bySchema = new LinkedHashMap<>();
  final List<MemberChange> memberChanges = new ArrayList<>();

  PatchTarget(ResourceTypeDef type, JsonObject resource) {
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
    return ResourceNormalizer.build(type, bySchema);
  }
}
