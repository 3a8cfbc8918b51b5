/**
 * Mechanics of listing resources that do not need the database: which attributes a response carries
 * ({@link co.softdrive.scim.protocol.list.AttributeProjection}, RFC 7644 §3.4.2.5 and §3.9). Paging
 * and sorting parameters belong here too; running them is {@code query}'s job.
 */
package co.softdrive.scim.protocol.list;
