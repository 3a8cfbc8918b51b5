package co.softdrive.scim.query;

/**
 * Where a filterable SCIM attribute lives: a JPQL expression relative to an alias, and how it
 * compares.
 *
 * @param expression JPQL path with {@code %s} for the alias, e.g. {@code %s.userNameCi}; for {@link
 *     Kind#CONSTANT} the value itself
 * @param kind how values compare
 * @param nullable whether the column may be NULL (then comparisons guard against it)
 * @param join another entity the expression is read from (its alias is {@code %s}), or null
 */
record Column(String expression, Kind kind, boolean nullable, Join join) {
  Column(String expression, Kind kind, boolean nullable) {
    this(expression, kind, nullable, null);
  }

  /**
   * Another entity a side table's row points to, e.g. the group of a membership: the condition on
   * it becomes {@code s.<reference> IN (SELECT j.id FROM <entity> j WHERE ... AND j.tenantId =
   * :tenantId)} (uncorrelated, so PostgreSQL can run it once), which the database resolves through
   * the entity's index first and then the side table's primary key (on Derby, a join inside the
   * {@code EXISTS} read every membership of the tenant instead).
   *
   * @param entity JPQL entity name
   * @param reference the side row's field holding the entity's id
   */
  record Join(String entity, String reference) {}

  enum Kind {
    /** Stored lower-cased; the filter value is lower-cased too (caseExact false). */
    STRING_CI,
    /**
     * A name stored as its {@link co.softdrive.scim.persistence.NameKey} (NFKC and case fold:
     * userName, group displayName); the filter value goes through the same rule, fragments of
     * {@code sw}, {@code co} and {@code ew} too.
     */
    NAME_KEY,
    /** Compared exactly (caseExact true: id, externalId, manager ids). */
    STRING_EXACT,
    BOOLEAN,
    /** Epoch milliseconds; filter values are RFC 3339 date-times. */
    TIMESTAMP,
    /**
     * A value of {@code scim_user_value} ({@link co.softdrive.scim.persistence.UserValues}):
     * lower-cased, long values as prefix and hash.
     */
    STORED_CI,
    /** As {@link #STORED_CI}, compared exactly (caseExact true). */
    STORED_EXACT,
    /** A boolean of {@code scim_user_value}, stored as {@code true} or {@code false}. */
    STORED_BOOLEAN,
    /**
     * The same value for every row ({@code meta.resourceType}, a membership's {@code type}):
     * decided when the filter is translated, compared exactly.
     */
    CONSTANT,
    /** As {@link #CONSTANT}, compared case-insensitively. */
    CONSTANT_CI
  }

  String on(String alias) {
    return expression.formatted(alias);
  }

  boolean isConstant() {
    return kind == Kind.CONSTANT || kind == Kind.CONSTANT_CI;
  }
}
