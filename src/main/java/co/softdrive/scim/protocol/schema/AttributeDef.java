package co.softdrive.scim.protocol.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute definition with the characteristics of RFC 7643 §2.2 and §7.
 *
 * @param name canonical name as it appears on the wire
 * @param type data type
 * @param multiValued whether the value is a JSON array
 * @param description human-readable description
 * @param required whether a resource must carry a value
 * @param caseExact whether string comparison is case-sensitive
 * @param mutability who may write it
 * @param returned when it is returned
 * @param uniqueness uniqueness scope
 * @param subAttributes sub-attributes of a complex attribute, empty otherwise
 * @param canonicalValues suggested values ({@code work}, {@code home}, ...), possibly empty
 * @param referenceTypes for {@link Type#REFERENCE}: {@code User}, {@code Group}, {@code external},
 *     ...
 */
public record AttributeDef(
    String name,
    Type type,
    boolean multiValued,
    String description,
    boolean required,
    boolean caseExact,
    Mutability mutability,
    Returned returned,
    Uniqueness uniqueness,
    List<AttributeDef> subAttributes,
    List<String> canonicalValues,
    List<String> referenceTypes) {

  public AttributeDef {
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
    Objects.requireNonNull(mutability);
    Objects.requireNonNull(returned);
    Objects.requireNonNull(uniqueness);
    description = description == null ? "" : description;
    subAttributes = List.copyOf(subAttributes == null ? List.of() : subAttributes);
    canonicalValues = List.copyOf(canonicalValues == null ? List.of() : canonicalValues);
    referenceTypes = List.copyOf(referenceTypes == null ? List.of() : referenceTypes);
  }

  /** RFC 7643 §2.3 data types; {@link #wire()} is the value written in {@code /Schemas}. */
  public enum Type {
    STRING("string"),
    BOOLEAN("boolean"),
    DECIMAL("decimal"),
    INTEGER("integer"),
    DATETIME("dateTime"),
    BINARY("binary"),
    REFERENCE("reference"),
    COMPLEX("complex");

    private final String wire;

    Type(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /** RFC 7643 §7 {@code mutability}. */
  public enum Mutability {
    READ_ONLY("readOnly"),
    READ_WRITE("readWrite"),
    IMMUTABLE("immutable"),
    WRITE_ONLY("writeOnly");

    private final String wire;

    Mutability(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /** RFC 7643 §7 {@code returned}. */
  public enum Returned {
    ALWAYS("always"),
    NEVER("never"),
    DEFAULT("default"),
    REQUEST("request");

    private final String wire;

    Returned(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  /** RFC 7643 §7 {@code uniqueness}. */
  public enum Uniqueness {
    NONE("none"),
    SERVER("server"),
    GLOBAL("global");

    private final String wire;

    Uniqueness(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  public boolean isComplex() {
    return type == Type.COMPLEX;
  }

  public boolean isReadOnly() {
    return mutability == Mutability.READ_ONLY;
  }

  /** The sub-attribute with this name, compared case-insensitively. */
  public Optional<AttributeDef> subAttribute(String subName) {
    if (subName == null) {
      return Optional.empty();
    }
    for (AttributeDef sub : subAttributes) {
      if (sub.name.equalsIgnoreCase(subName)) {
        return Optional.of(sub);
      }
    }
    return Optional.empty();
  }

  /** Lower-case name, handy as a map key. */
  public String key() {
    return name.toLowerCase(Locale.ROOT);
  }

  // Small builders so that SchemaRegistry reads like the RFC's tables.

  static Builder string(String name) {
    return new Builder(name, Type.STRING);
  }

  static Builder bool(String name) {
    return new Builder(name, Type.BOOLEAN);
  }

  static Builder reference(String name, String... referenceTypes) {
    return new Builder(name, Type.REFERENCE).referenceTypes(referenceTypes);
  }

  static Builder complex(String name, AttributeDef... subs) {
    return new Builder(name, Type.COMPLEX).subs(subs);
  }

  static Builder of(String name, Type type) {
    return new Builder(name, type);
  }

  /** Defaults follow RFC 7643 §2.2: optional, caseExact false, readWrite, default, none. */
  static final class Builder {
    private final String name;
    private final Type type;
    private boolean multiValued;
    private String description = "";
    private boolean required;
    private boolean caseExact;
    private Mutability mutability = Mutability.READ_WRITE;
    private Returned returned = Returned.DEFAULT;
    private Uniqueness uniqueness = Uniqueness.NONE;
    private List<AttributeDef> subs = List.of();
    private List<String> canonicalValues = List.of();
    private List<String> referenceTypes = List.of();

    Builder(String name, Type type) {
      this.name = name;
      this.type = type;
    }

    Builder multi() {
      this.multiValued = true;
      return this;
    }

    Builder desc(String description) {
      this.description = description;
      return this;
    }

    Builder required() {
      this.required = true;
      return this;
    }

    Builder caseExact() {
      this.caseExact = true;
      return this;
    }

    Builder mutability(Mutability mutability) {
      this.mutability = mutability;
      return this;
    }

    Builder readOnly() {
      return mutability(Mutability.READ_ONLY);
    }

    Builder immutable() {
      return mutability(Mutability.IMMUTABLE);
    }

    Builder returned(Returned returned) {
      this.returned = returned;
      return this;
    }

    Builder uniqueness(Uniqueness uniqueness) {
      this.uniqueness = uniqueness;
      return this;
    }

    Builder subs(AttributeDef... subs) {
      this.subs = List.of(subs);
      return this;
    }

    Builder canonical(String... values) {
      this.canonicalValues = List.of(values);
      return this;
    }

    Builder referenceTypes(String... types) {
      this.referenceTypes = List.of(types);
      return this;
    }

    AttributeDef build() {
      return new AttributeDef(
          name,
          type,
          multiValued,
          description,
          required,
          caseExact,
          mutability,
          returned,
          uniqueness,
          subs,
          canonicalValues,
          referenceTypes);
    }
  }
}
