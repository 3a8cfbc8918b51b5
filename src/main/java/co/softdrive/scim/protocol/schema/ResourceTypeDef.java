package co.softdrive.scim.protocol.schema;

import co.softdrive.scim.protocol.path.AttrPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource type (RFC 7643 §6): name, endpoint, core schema and schema extensions, plus the common
 * attributes {@code id}, {@code externalId} and {@code meta} every resource carries (§3.1).
 *
 * @param name {@code User} or {@code Group}
 * @param endpoint relative endpoint, e.g. {@code /Users}
 * @param description human-readable description
 * @param coreSchema the base schema
 * @param extensions schema extensions, all optional ({@code required: false})
 * @param commonAttributes {@code id}, {@code externalId}, {@code meta}
 */
public record ResourceTypeDef(
    String name,
    String endpoint,
    String description,
    SchemaDef coreSchema,
    List<SchemaDef> extensions,
    List<AttributeDef> commonAttributes) {

  public ResourceTypeDef {
    Objects.requireNonNull(name);
    Objects.requireNonNull(coreSchema);
    extensions = List.copyOf(extensions);
    commonAttributes = List.copyOf(commonAttributes);
  }

  /** The core schema or the extension with this URN, compared case-insensitively. */
  public Optional<SchemaDef> schema(String urn) {
    if (coreSchema.is(urn)) {
      return Optional.of(coreSchema);
    }
    return extension(urn);
  }

  /** The extension schema with this URN, compared case-insensitively. */
  public Optional<SchemaDef> extension(String urn) {
    for (SchemaDef s : extensions) {
      if (s.is(urn)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Core schema first, then the extensions. */
  public List<SchemaDef> allSchemas() {
    List<SchemaDef> all = new ArrayList<>();
    all.add(coreSchema);
    all.addAll(extensions);
    return all;
  }

  /** A common attribute ({@code id}, {@code externalId}, {@code meta}) by name. */
  public Optional<AttributeDef> commonAttribute(String attributeName) {
    for (AttributeDef a : commonAttributes) {
      if (a.name().equalsIgnoreCase(attributeName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * Resolves an attribute reference, names compared case-insensitively. Without a schema URN the
   * name is looked up in the core schema and the common attributes (RFC 7644 §3.10: unqualified
   * names belong to the core schema), and failing that in the one extension that defines it
   * (Entra's legacy {@code "path": "manager"}); with a URN, in that schema (core or extension).
   * Empty when the schema, the attribute or the sub-attribute is unknown.
   */
  public Optional<ResolvedAttribute> resolve(AttrPath path) {
    SchemaDef schema;
    Optional<AttributeDef> attribute;
    if (path.schema() == null) {
      schema = coreSchema;
      attribute = coreSchema.attribute(path.attribute());
      if (attribute.isEmpty()) {
        schema = null;
        attribute = commonAttribute(path.attribute());
      }
      if (attribute.isEmpty()) {
        // Entra's legacy examples write extension attributes unqualified ("path": "manager").
        List<SchemaDef> owners =
            extensions.stream().filter(e -> e.attribute(path.attribute()).isPresent()).toList();
        if (owners.size() == 1) {
          schema = owners.get(0);
          attribute = schema.attribute(path.attribute());
        }
      }
    } else {
      schema = schema(path.schema()).orElse(null);
      attribute = schema == null ? Optional.empty() : schema.attribute(path.attribute());
      if (attribute.isEmpty() && schema == coreSchema) {
        attribute = commonAttribute(path.attribute());
        schema = null;
      }
    }
    if (attribute.isEmpty()) {
      return Optional.empty();
    }
    if (path.subAttribute() == null) {
      return Optional.of(new ResolvedAttribute(schema, attribute.get(), null));
    }
    final SchemaDef owner = schema;
    final AttributeDef top = attribute.get();
    return top.subAttribute(path.subAttribute()).map(sub -> new ResolvedAttribute(owner, top, sub));
  }

  /** Convenience: resolves {@code name} or {@code name.sub} or {@code urn:...:name[.sub]}. */
  public Optional<ResolvedAttribute> resolve(String reference) {
    return resolve(parseReference(reference));
  }

  /** Splits {@code urn:...:attr.sub} on the last colon, then {@code attr.sub} on the first dot. */
  static AttrPath parseReference(String reference) {
    String schema = null;
    String local = reference;
    if (reference.regionMatches(true, 0, "urn:", 0, 4)) {
      int colon = reference.lastIndexOf(':');
      schema = reference.substring(0, colon);
      local = reference.substring(colon + 1);
    }
    int dot = local.indexOf('.');
    return dot < 0
        ? new AttrPath(schema, local, null)
        : new AttrPath(schema, local.substring(0, dot), local.substring(dot + 1));
  }
}
