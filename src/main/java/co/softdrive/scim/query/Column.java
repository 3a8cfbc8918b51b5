package co.softdrive.scim.query;

/**
 * Where a filterable SCIM attribute lives: a JPQL expression relative to an alias, and how it
 * compares.
 *
 * @param expression JPQL path with {@code %s} for the alias, e.g. {@code %s.userNameCi}
 * @param kind how values compare
 * @param nullable whether the column may be NULL (then comparisons guard against it)
 */
record Column(String expression, Kind kind, boolean nullable) {
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
    TIMESTAMP
  }

  String on(String alias) {
    return expression.formatted(alias);
  }
}
