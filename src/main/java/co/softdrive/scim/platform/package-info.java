/**
 * The toolbox under every capability, importing none of our code: {@link
 * co.softdrive.scim.platform.ScheduledJob}, the contract by which each capability contributes its
 * background jobs to the application's one scheduler ({@code app.JobScheduler}), and {@link
 * co.softdrive.scim.platform.JobLeases}, the database leases that keep such a job on one instance
 * at a time and about once per interval when several instances share a database.
 */
package co.softdrive.scim.platform;
