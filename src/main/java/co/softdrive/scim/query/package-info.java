/**
 * Turns SCIM filters, sorting and paging into JPQL that runs in the database, on indexed columns.
 *
 * <p>Only attributes copied into indexed columns (or side tables such as e-mails and memberships)
 * are filterable; a filter on any other attribute is rejected with {@code invalidFilter} instead of
 * scanning a tenant's rows. Every query is confined to one tenant by its first predicate.
 */
package co.softdrive.scim.query;
