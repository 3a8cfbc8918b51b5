/**
 * The toolbox under the capabilities: {@link co.softdrive.scim.platform.ScheduledJob}, the contract
 * by which each capability contributes its background jobs to the application's one scheduler
 * ({@code app.JobScheduler}), and small helpers such as {@link co.softdrive.scim.platform.IpBlock}.
 * It imports nothing of ours. A job that must run on one instance at a time takes a database lease
 * ({@code persistence.JobLeases}).
 */
package co.softdrive.scim.platform;
