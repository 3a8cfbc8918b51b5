-- Lifecycle: account state reasons, per-tenant deletion guard thresholds, the audit
-- trail, the change-feed outbox with its deployment-wide cursor, webhook endpoints with their
-- delivery state, and leases for scheduled jobs (so that each runs on one instance at a time).

ALTER TABLE scim_user ADD COLUMN account_state_reason VARCHAR(200)
;
ALTER TABLE tenant ADD COLUMN guard_percent INT
;
ALTER TABLE tenant ADD COLUMN guard_min_count INT
;
ALTER TABLE tenant ADD COLUMN guard_window_minutes INT
;
CREATE TABLE account_audit (
  id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  user_name VARCHAR(512),
  occurred_at BIGINT NOT NULL,
  actor_type VARCHAR(16) NOT NULL,
  actor_id VARCHAR(100),
  action VARCHAR(32) NOT NULL,
  from_state VARCHAR(24),
  to_state VARCHAR(24),
  reason VARCHAR(300)
)
;
CREATE INDEX ix_audit_user ON account_audit (tenant_id, user_id, occurred_at)
;
CREATE INDEX ix_audit_tenant ON account_audit (tenant_id, occurred_at)
;
CREATE INDEX ix_audit_action ON account_audit (tenant_id, action, occurred_at)
;
CREATE TABLE change_event (
  seq BIGINT NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(36) NOT NULL,
  event_type VARCHAR(40) NOT NULL,
  resource_type VARCHAR(16) NOT NULL,
  resource_id VARCHAR(36) NOT NULL,
  occurred_at BIGINT NOT NULL,
  payload ${clob} NOT NULL
)
;
CREATE INDEX ix_event_tenant ON change_event (tenant_id, seq)
;
CREATE TABLE outbox_sequence (
  name VARCHAR(32) NOT NULL PRIMARY KEY,
  last_value BIGINT NOT NULL
)
;
INSERT INTO outbox_sequence (name, last_value) VALUES ('events', 0)
;
CREATE TABLE webhook_endpoint (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(36),
  url VARCHAR(2000) NOT NULL,
  secret VARCHAR(100) NOT NULL,
  enabled BOOLEAN NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at BIGINT NOT NULL,
  last_seq BIGINT NOT NULL,
  attempts INT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  last_error VARCHAR(500),
  last_success_at BIGINT,
  lease_owner VARCHAR(64),
  lease_until BIGINT NOT NULL
)
;
CREATE INDEX ix_webhook_tenant ON webhook_endpoint (tenant_id)
;
CREATE TABLE job_lease (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  owner VARCHAR(64),
  lease_until BIGINT NOT NULL
)
;
