/** Tenants (Softdrive customers): creation, settings, suspension, listing with counts. */
package co.softdrive.scim.tenant;
