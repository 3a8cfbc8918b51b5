/**
 * JPA entities, the repositories (one per aggregate, each method on tenant-owned rows taking a
 * {@link co.softdrive.scim.persistence.TenantId} first) and the versioned schema migrations. Every
 * tenant-owned table has a non-null {@code tenant_id} that starts each of its unique constraints
 * and indexes; every finder takes the tenant first. The L2 cache is off so that several instances
 * can share one database.
 */
package co.softdrive.scim.persistence;
