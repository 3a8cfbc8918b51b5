/**
 * Interceptors around Liberty's {@code @Transactional} interceptor, bound by annotation on the
 * services: {@link co.softdrive.scim.transaction.QuietClientErrors} lets a SCIM client error (4xx)
 * roll its transaction back without an FFDC incident, and {@link
 * co.softdrive.scim.transaction.RetryDeadlocks} runs a transaction again when the database chose it
 * as a deadlock victim. Their priorities place them relative to one another and to the transaction
 * interceptor. Imports only {@code protocol.error} of ours.
 */
package co.softdrive.scim.transaction;
