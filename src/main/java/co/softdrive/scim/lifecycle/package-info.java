/**
 * Softdrive's lifecycle rules: account state apart from the SCIM record (tombstones), restore and
 * purge, the mass-deletion guard with staff approval, group deletion policies and the record a
 * deleted group leaves, and the retention purges of tombstones and of those records. {@link
 * co.softdrive.scim.lifecycle.UserPurge} removes a user's record for both {@code DELETE /Users}
 * (called from {@code provisioning}, which sits above this package) and the retention purge, so
 * lifecycle never calls provisioning.
 */
package co.softdrive.scim.lifecycle;
