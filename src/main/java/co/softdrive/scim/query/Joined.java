package co.softdrive.scim.query;

/**
 * Rows of other tables joined to the resource instead of an {@code EXISTS}, for a test at the top
 * of a filter (alone or joined by {@code and}): on Derby a subquery is always the inner side of its
 * join, so an {@code EXISTS} walks the tenant's resources, while joined rows let the side table's
 * index drive and the resources be read by primary key, as many as match. Each resource is joined
 * to at most one combination of rows (the others are excluded by a {@code NOT EXISTS} of an earlier
 * match), so pages and counts need no DISTINCT.
 *
 * @param from the range variables to add to the query ({@code ", UserValueEntity s0"})
 * @param where the condition that ties them to the resource and tests them
 */
record Joined(String from, String where) {}
