package co.softdrive.scim.query;

import co.softdrive.scim.protocol.path.AttrPath;
import co.softdrive.scim.protocol.schema.ResourceTypeDef;
import co.softdrive.scim.protocol.schema.SchemaRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The filterable and sortable attributes of one resource type and the columns behind them.
 * Multi-valued attributes kept in side tables ({@code emails}, {@code members}, a user's {@code
 * groups} through memberships) are described by a {@link SideTable}; a user's other attributes
 * without a column are in {@code scim_user_value} ({@link #valueTable}, {@link
 * co.softdrive.scim.persistence.UserValues}).
 *
 * <p>A user's {@code userName} and a group's {@code displayName} are filtered on their comparison
 * key ({@link Column.Kind#NAME_KEY}), the same key their uniqueness is checked on. A user's {@code
 * userName} is sorted on that key too (the index of its uniqueness, {@code ux_user_name_key}; there
 * is no index on the lower-cased name since migration V14), a group's {@code displayName} on the
 * lower-cased name.
 */
final class ResourceMapping {
  static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String SOFTDRIVE = "urn:ietf:params:scim:schemas:extension:softdrive:2.0:User";

  /**
   * A multi-valued attribute stored one row per value.
   *
   * @param entity the JPQL entity name
   * @param join JPQL joining alias {@code %1$s} (side row) to {@code %2$s} (resource)
   * @param subAttributes sub-attribute name (lower-case) to column; "" = the attribute itself
   * @param firstBy how an {@code eq} on the value ("" or "value") may join one row per resource
   *     ({@link SideJoins}): "" when a value is part of the row's key (one row per resource), the
   *     name of the field that orders a resource's rows when a value may repeat (the first matching
   *     row is joined), null when the attribute is never joined
   */
  record SideTable(String entity, String join, Map<String, Column> subAttributes, String firstBy) {
    SideTable(String entity, String join, Map<String, Column> subAttributes) {
      this(entity, join, subAttributes, null);
    }
  }

  final String entity;
  final ResourceTypeDef type;
  final boolean valueTable;
  final String coreSchema;
  final Set<String> extensionSchemas;
  private final Map<String, Column> columns;
  private final Map<String, SideTable> sideTables;
  private final Map<String, Column> sortable;
  private final Set<String> indexedColumns;

  private ResourceMapping(
      String entity,
      ResourceTypeDef type,
      boolean valueTable,
      String coreSchema,
      Set<String> extensionSchemas,
      Map<String, Column> columns,
      Map<String, SideTable> sideTables,
      Map<String, Column> sortable,
      Set<String> indexedColumns) {
    this.entity = entity;
    this.type = type;
    this.valueTable = valueTable;
    this.coreSchema = coreSchema;
    this.extensionSchemas = extensionSchemas;
    this.columns = columns;
    this.sideTables = sideTables;
    this.sortable = sortable;
    this.indexedColumns = indexedColumns;
  }

  static final Column CREATED = new Column("%s.createdAt", Column.Kind.TIMESTAMP, false);
  private static final Column MODIFIED =
      new Column("%s.lastModified", Column.Kind.TIMESTAMP, false);

  static final ResourceMapping USERS =
      new ResourceMapping(
          "UserEntity",
          SchemaRegistry.USER_TYPE,
          true,
          CORE_USER,
          Set.of(ENTERPRISE, SOFTDRIVE),
          Map.ofEntries(
              Map.entry("id", new Column("%s.id", Column.Kind.STRING_EXACT, false)),
              Map.entry("username", new Column("%s.userNameKey", Column.Kind.NAME_KEY, false)),
              Map.entry("externalid", new Column("%s.externalId", Column.Kind.STRING_EXACT, true)),
              Map.entry("displayname", new Column("%s.displayNameCi", Column.Kind.STRING_CI, true)),
              Map.entry(
                  "name.givenname", new Column("%s.givenNameCi", Column.Kind.STRING_CI, true)),
              Map.entry(
                  "name.familyname", new Column("%s.familyNameCi", Column.Kind.STRING_CI, true)),
              Map.entry("active", new Column("%s.active", Column.Kind.BOOLEAN, false)),
              Map.entry("meta.created", CREATED),
              Map.entry("meta.lastmodified", MODIFIED),
              Map.entry("meta.resourcetype", new Column("User", Column.Kind.CONSTANT, false)),
              Map.entry(
                  ENTERPRISE + ":employeenumber",
                  new Column("%s.employeeNumberCi", Column.Kind.STRING_CI, true)),
              Map.entry(
                  ENTERPRISE + ":manager",
                  new Column("%s.managerId", Column.Kind.STRING_EXACT, true)),
              Map.entry(
                  ENTERPRISE + ":manager.value",
                  new Column("%s.managerId", Column.Kind.STRING_EXACT, true)),
              Map.entry(
                  SOFTDRIVE + ":usertype",
                  new Column("%s.userTypeCi", Column.Kind.STRING_CI, true))),
          Map.of(
              "emails",
              new SideTable(
                  "UserEmailEntity",
                  "%1$s.tenantId = %2$s.tenantId AND %1$s.userId = %2$s.id",
                  Map.of(
                      "", new Column("%s.valueCi", Column.Kind.STRING_CI, false),
                      "value", new Column("%s.valueCi", Column.Kind.STRING_CI, false),
                      "display", new Column("%s.displayCi", Column.Kind.STRING_CI, true),
                      "type", new Column("%s.typeCi", Column.Kind.STRING_CI, true),
                      "primary", new Column("%s.primary", Column.Kind.BOOLEAN, false)),
                  "pos"),
              "groups",
              new SideTable(
                  "GroupMemberEntity",
                  "%1$s.tenantId = %2$s.tenantId AND %1$s.userId = %2$s.id",
                  Map.of(
                      "",
                      new Column("%s.groupId", Column.Kind.STRING_EXACT, false),
                      "value",
                      new Column("%s.groupId", Column.Kind.STRING_EXACT, false),
                      "display",
                      new Column(
                          "%s.displayNameKey",
                          Column.Kind.NAME_KEY, false, new Column.Join("GroupEntity", "groupId")),
                      "type",
                      new Column("direct", Column.Kind.CONSTANT_CI, false)),
                  ""),
              ENTERPRISE + ":manager",
              new SideTable(
                  "UserEntity",
                  "%1$s.tenantId = %2$s.tenantId AND %1$s.id = %2$s.managerId",
                  Map.of(
                      "displayname", new Column("%s.displayNameCi", Column.Kind.STRING_CI, true)))),
          Map.of(
              "id", new Column("%s.id", Column.Kind.STRING_EXACT, false),
              "username", new Column("%s.userNameKey", Column.Kind.NAME_KEY, false),
              "externalid", new Column("%s.externalId", Column.Kind.STRING_EXACT, true),
              "displayname", new Column("%s.displayNameCi", Column.Kind.STRING_CI, true),
              "name.familyname", new Column("%s.familyNameCi", Column.Kind.STRING_CI, true),
              "name.givenname", new Column("%s.givenNameCi", Column.Kind.STRING_CI, true),
              "meta.created", CREATED,
              "meta.lastmodified", MODIFIED),
          Set.of(
              "%s.id",
              "%s.userNameKey", "%s.externalId", "%s.displayNameCi", "%s.employeeNumberCi"));

  static final ResourceMapping GROUPS =
      new ResourceMapping(
          "GroupEntity",
          SchemaRegistry.GROUP_TYPE,
          false,
          CORE_GROUP,
          Set.of(),
          Map.of(
              "id", new Column("%s.id", Column.Kind.STRING_EXACT, false),
              "displayname", new Column("%s.displayNameKey", Column.Kind.NAME_KEY, false),
              "externalid", new Column("%s.externalId", Column.Kind.STRING_EXACT, true),
              "meta.created", CREATED,
              "meta.lastmodified", MODIFIED,
              "meta.resourcetype", new Column("Group", Column.Kind.CONSTANT, false)),
          Map.of(
              "members",
              new SideTable(
                  "GroupMemberEntity",
                  "%1$s.tenantId = %2$s.tenantId AND %1$s.groupId = %2$s.id",
                  Map.of(
                      "",
                      new Column("%s.userId", Column.Kind.STRING_EXACT, false),
                      "value",
                      new Column("%s.userId", Column.Kind.STRING_EXACT, false),
                      "display",
                      new Column(
                          "%s.displayNameCi",
                          Column.Kind.STRING_CI, true, new Column.Join("UserEntity", "userId")),
                      "type",
                      new Column("User", Column.Kind.CONSTANT_CI, false)),
                  "")),
          Map.of(
              "id", new Column("%s.id", Column.Kind.STRING_EXACT, false),
              "displayname", new Column("%s.displayNameCi", Column.Kind.STRING_CI, false),
              "externalid", new Column("%s.externalId", Column.Kind.STRING_EXACT, true),
              "meta.created", CREATED,
              "meta.lastmodified", MODIFIED),
          Set.of("%s.id", "%s.displayNameKey", "%s.externalId"));

  /** The key under which an attribute path is mapped, or empty for an unknown schema. */
  Optional<String> key(AttrPath path) {
    String schema = path.schema() == null ? null : path.schema().toLowerCase(Locale.ROOT);
    String local = path.key();
    if (schema == null || schema.equals(coreSchema.toLowerCase(Locale.ROOT))) {
      return Optional.of(local);
    }
    for (String ext : extensionSchemas) {
      if (ext.equalsIgnoreCase(schema)) {
        return Optional.of(ext + ":" + local);
      }
    }
    return Optional.empty();
  }

  /**
   * The column of an attribute. An unqualified name that is not a core attribute resolves to the
   * one extension that defines it, as PATCH paths do: the legacy reference check sends {@code
   * manager eq "<id>"} (docs/entra.md#r16-legacy-manager-check).
   */
  Optional<Column> column(AttrPath path) {
    Optional<Column> column = key(path).map(columns::get);
    if (column.isPresent() || path.schema() != null || inCoreSchema(path)) {
      return column;
    }
    List<Column> inExtensions =
        extensionSchemas.stream()
            .map(ext -> columns.get(ext + ":" + path.key()))
            .filter(Objects::nonNull)
            .toList();
    return inExtensions.size() == 1 ? Optional.of(inExtensions.get(0)) : Optional.empty();
  }

  /**
   * The side table of a multi-valued attribute; unqualified names resolve as in {@link #column}.
   */
  Optional<SideTable> sideTable(AttrPath path) {
    return sideTableOf(path);
  }

  /** Whether the core schema has an attribute of that name ({@code userType} is core first). */
  private boolean inCoreSchema(AttrPath path) {
    return SchemaRegistry.schema(coreSchema)
        .flatMap(s -> s.attribute(path.attribute()))
        .isPresent();
  }

  private Optional<SideTable> sideTableOf(AttrPath path) {
    Optional<SideTable> table = key(path.parent()).map(sideTables::get);
    if (table.isPresent() || path.schema() != null || inCoreSchema(path)) {
      return table;
    }
    List<SideTable> inExtensions =
        extensionSchemas.stream()
            .map(ext -> sideTables.get(ext + ":" + path.attribute().toLowerCase(Locale.ROOT)))
            .filter(Objects::nonNull)
            .toList();
    return inExtensions.size() == 1 ? Optional.of(inExtensions.get(0)) : Optional.empty();
  }

  /**
   * Whether an index of the resource's table starts with the tenant and this column, so that an
   * {@code eq} on it reads only the matching rows ({@code ux_user_name_key}, {@code
   * ix_user_external_id}, {@code ix_user_display_name}, {@code ix_user_employee_number}, the
   * groups' {@code ux_group_display_name_key} and {@code ix_group_external_id}, and the primary
   * keys).
   */
  boolean indexed(Column column) {
    return indexedColumns.contains(column.expression());
  }

  Optional<Column> sortColumn(AttrPath path) {
    return key(path).map(sortable::get);
  }
}
