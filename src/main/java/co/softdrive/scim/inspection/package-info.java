/**
 * Read models for the support console: a tenant list with counts and activity, a tenant's users and
 * groups with search and paging in the database, and a user's or group's detail. Every query takes
 * the tenant first and runs on indexes that start with {@code tenant_id}; results are view records,
 * never entities. Writes stay in {@code tenant}, {@code token} and {@code provisioning}.
 */
package co.softdrive.scim.inspection;
