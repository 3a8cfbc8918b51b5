/**
 * The toolbox under the capabilities: {@link co.softdrive.scim.platform.ScheduledJob}, the contract
 * by which each capability contributes its background jobs to the application's one scheduler
 * ({@code app.JobScheduler}), and {@link co.softdrive.scim.platform.JobLeases}, the rules of the
 * database leases that keep such a job on one instance at a time and about once per interval when
 * several instances share a database. It imports nothing of ours but {@code persistence}, where the
 * leases' rows are kept ({@code persistence.JobLeaseRows}).
 */
package co.softdrive.scim.platform;
