/**
 * Cross-cutting runtime: the JAX-RS application, start-up (migrations, first admin, jobs), typed
 * configuration, health checks, and database leases for scheduled jobs.
 */
package co.softdrive.scim.platform;
