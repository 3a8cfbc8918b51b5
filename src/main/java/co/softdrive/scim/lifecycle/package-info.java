/**
 * Softdrive's lifecycle rules: account state apart from the SCIM record (tombstones), restore and
 * purge, the mass-deletion guard with staff approval, group deletion policies, and the retention
 * purge of tombstones.
 */
package co.softdrive.scim.lifecycle;
