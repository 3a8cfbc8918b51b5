/**
 * Turns SCIM filters, sorting and paging into JPQL that runs in the database, on indexed columns.
 *
 * <p>Only attributes copied into indexed columns (or side tables such as e-mails, memberships and
 * {@code scim_user_value}) are filterable; a filter on any other attribute is rejected with {@code
 * invalidFilter} instead of scanning a tenant's rows. Every query is confined to one tenant by its
 * first predicate.
 *
 * <p>{@code FilterTranslator} walks the filter and asks, per attribute: {@code Comparisons} for a
 * column, the side tables of {@code ResourceMapping} for e-mails and memberships, {@code
 * ValueFilters} (single tests) and {@code ValuePaths} (brackets) for the rows of {@code
 * scim_user_value}. A test at the top of the filter (alone or joined by {@code and}) becomes joined
 * rows instead of an {@code EXISTS} where that lets the side table's index drive ({@code Joined}:
 * {@code SideJoins}, {@code ValueJoins}). {@code ResourceQueries} runs the result.
 */
package co.softdrive.scim.query;
