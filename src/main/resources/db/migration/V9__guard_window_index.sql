-- The deletion guard counts a tenant's automatic deletions in its window on every deactivation and
-- deletion (AuditTrail#countAutomaticDeletionsSince). ix_audit_action gains actor_type so that the
-- count reads only that index's entries of the window's deletions and no table rows.
-- Why: on embedded Derby the optimizer chose ix_audit_tenant instead, from statistics in which
-- nearly every tenant has a single action (40 benchmark tenants with only 'created' rows), and
-- read every audit row of the tenant in the window: after an initial cycle of 100,000 users, each
-- deactivation read 103,717 rows (280 ms, p50 655 ms under load) and the incremental cycle's
-- reactivations and deletions queued behind it for up to 100 s (docs/benchmarks.md).
-- The count names this index for Derby as well (--DERBY-PROPERTIES), so statistics cannot undo it.
-- Queries on (tenant_id, action, occurred_at) are served by the same index as before.

DROP INDEX ix_audit_action
;
CREATE INDEX ix_audit_action ON account_audit (tenant_id, action, occurred_at, actor_type)
;
