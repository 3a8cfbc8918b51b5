/**
 * Provisioning activity: every SCIM request is recorded (time, tenant, token prefix, method, path,
 * SCIM operation, resource id, status, scimType, error detail, latency) so that support can answer
 * "when did Entra last sync, what failed and why" for one tenant.
 *
 * <p>Recording never slows a SCIM request: the JAX-RS edge offers an {@link ActivityEntry} to the
 * bounded in-memory queue of {@link ActivityRecorder}; {@link ActivityFlushJob}, one of the
 * application's scheduled jobs, batch-inserts what is queued once a second. When the queue is full
 * the entry is dropped and counted ({@code scim.activity.dropped}) rather than blocking the
 * request. Rows older than {@code scim.activity.retention-days} are purged every hour ({@link
 * ActivityPurgeJob}), tenant by tenant, by one instance at a time under the {@code
 * activity-retention} job lease (persistence.JobLeases).
 *
 * <p>What is never recorded: request or response bodies, tokens (only the 13-character display
 * prefix), query strings. The one exception is the {@code filter} query parameter, truncated to
 * {@value ActivityEntry#MAX_FILTER} characters: it names the user Entra looked for ({@code userName
 * eq "..."}), which is exactly what support needs. Error details are our own messages, which by
 * rule never echo tokens or payloads. Since a client may still put a secret where we do not expect
 * one (its token in a path, a filter or a PATCH path), every recorded text is passed through {@link
 * SecretRedactor} first: what looks like a token or a webhook secret keeps its prefix and is
 * otherwise replaced.
 *
 * <p>What a request changed comes from the provisioning services, which know it when they answer:
 * they note the user's userName or the group's displayName, the kind of change and a summary in
 * words ({@link ResourceChange}) in the request-scoped {@link ChangeNotes} through {@link
 * ChangeLog}, from what they hold anyway (no extra query); the JAX-RS edge adds it to the entry of
 * a successful request. Summaries name attributes and lifecycle transitions, never values.
 *
 * <p>Tenant health ({@link HealthRules}, thresholds in {@link HealthConfig}) and provisioning
 * cycles ({@link Cycles}) are aggregates over this log ({@link SyncStore}), bounded by the window
 * they cover.
 *
 * <p>The package keeps the rules (what is recorded, redaction, the queue, retention, health,
 * cycles); the SQL is {@code persistence.ActivityLog} (batched inserts, purge, pages) and {@code
 * persistence.ActivityStats} (aggregates), which {@link ActivityStore} and {@link SyncStore} call.
 */
package co.softdrive.scim.activity;
