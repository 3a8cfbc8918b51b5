-- Provisioning activity: one row per SCIM request (never bodies, tokens or secrets), kept for
-- scim.activity.retention-days (the deletion-guard columns
-- the console edits come with V3__lifecycle.sql). Portable SQL for Derby and PostgreSQL; epoch-millis timestamps;
-- every index starts with tenant_id (the retention purge deletes tenant by tenant).

CREATE TABLE scim_activity (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(36) NOT NULL,
  at_millis BIGINT NOT NULL,
  token_prefix VARCHAR(20),
  method VARCHAR(10) NOT NULL,
  path VARCHAR(300) NOT NULL,
  operation VARCHAR(40) NOT NULL,
  resource_type VARCHAR(16),
  resource_id VARCHAR(64),
  status INT NOT NULL,
  scim_type VARCHAR(40),
  detail VARCHAR(500),
  filter_text VARCHAR(200),
  latency_ms INT NOT NULL
)
;
CREATE INDEX ix_activity_time ON scim_activity (tenant_id, at_millis)
;
CREATE INDEX ix_activity_status ON scim_activity (tenant_id, status, at_millis)
;
CREATE INDEX ix_activity_resource ON scim_activity (tenant_id, resource_id, at_millis)
;
