/**
 * Read models for the support console and the admin API: a tenant list with counts and activity, a
 * tenant's users and groups with search and paging in the database, a user's or group's detail, and
 * tenant health. The queries are the read-model repositories of {@code persistence} ({@code
 * TenantReadModel}, {@code UserReadModel}, {@code GroupReadModel}), each taking the tenant first
 * and running on indexes that start with {@code tenant_id}; this package picks sorts and filters,
 * maps entities to view records (never handing out an entity) and answers 404 for what is not the
 * tenant's. Writes stay in {@code tenant}, {@code token} and {@code provisioning}.
 */
package co.softdrive.scim.inspection;
