-- Baseline schema. Portable SQL for Derby and PostgreSQL; ${clob} becomes CLOB (Derby) or TEXT
-- (PostgreSQL). Timestamps are epoch milliseconds (BIGINT, UTC). Every tenant-owned table carries
-- tenant_id, and every unique constraint and index on it starts with tenant_id.
-- Statements are separated by lines holding only a semicolon.

CREATE TABLE tenant (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  name_ci VARCHAR(200) NOT NULL,
  status VARCHAR(16) NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  retention_days INT NOT NULL,
  group_policy VARCHAR(16) NOT NULL,
  version BIGINT NOT NULL
)
;
CREATE UNIQUE INDEX ux_tenant_name ON tenant (name_ci)
;
CREATE TABLE staff_account (
  username VARCHAR(100) NOT NULL PRIMARY KEY,
  password_hash VARCHAR(400) NOT NULL,
  roles VARCHAR(100) NOT NULL,
  enabled BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL
)
;
CREATE TABLE api_token (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(36) NOT NULL REFERENCES tenant (id),
  service_account VARCHAR(100) NOT NULL,
  secret_hash VARCHAR(64) NOT NULL,
  display_prefix VARCHAR(20) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  revoked_at BIGINT,
  revoked_by VARCHAR(100),
  last_used_at BIGINT
)
;
CREATE UNIQUE INDEX ux_token_hash ON api_token (secret_hash)
;
CREATE INDEX ix_token_tenant ON api_token (tenant_id, created_at)
;
CREATE TABLE scim_user (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(36) NOT NULL REFERENCES tenant (id),
  user_name VARCHAR(512) NOT NULL,
  user_name_ci VARCHAR(512) NOT NULL,
  external_id VARCHAR(512),
  display_name_ci VARCHAR(512),
  given_name_ci VARCHAR(512),
  family_name_ci VARCHAR(512),
  employee_number_ci VARCHAR(256),
  user_type_ci VARCHAR(256),
  manager_id VARCHAR(64),
  active BOOLEAN NOT NULL,
  account_state VARCHAR(24) NOT NULL,
  account_state_at BIGINT NOT NULL,
  attributes ${clob} NOT NULL,
  created_at BIGINT NOT NULL,
  last_modified BIGINT NOT NULL,
  version BIGINT NOT NULL
)
;
CREATE UNIQUE INDEX ux_user_name ON scim_user (tenant_id, user_name_ci)
;
CREATE INDEX ix_user_external_id ON scim_user (tenant_id, external_id)
;
CREATE INDEX ix_user_display_name ON scim_user (tenant_id, display_name_ci)
;
CREATE INDEX ix_user_employee_number ON scim_user (tenant_id, employee_number_ci)
;
CREATE INDEX ix_user_created ON scim_user (tenant_id, created_at, id)
;
CREATE INDEX ix_user_state ON scim_user (tenant_id, account_state, account_state_at)
;
CREATE TABLE scim_user_email (
  tenant_id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL REFERENCES scim_user (id) ON DELETE CASCADE,
  pos INT NOT NULL,
  value_ci VARCHAR(512) NOT NULL,
  type_ci VARCHAR(64),
  is_primary BOOLEAN NOT NULL,
  PRIMARY KEY (tenant_id, user_id, pos)
)
;
CREATE INDEX ix_email_value ON scim_user_email (tenant_id, value_ci)
;
CREATE INDEX ix_email_user ON scim_user_email (user_id)
;
CREATE TABLE scim_group (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(36) NOT NULL REFERENCES tenant (id),
  display_name VARCHAR(512) NOT NULL,
  display_name_ci VARCHAR(512) NOT NULL,
  external_id VARCHAR(512),
  attributes ${clob} NOT NULL,
  member_count BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  last_modified BIGINT NOT NULL,
  version BIGINT NOT NULL
)
;
CREATE UNIQUE INDEX ux_group_display_name ON scim_group (tenant_id, display_name_ci)
;
CREATE INDEX ix_group_external_id ON scim_group (tenant_id, external_id)
;
CREATE INDEX ix_group_created ON scim_group (tenant_id, created_at, id)
;
CREATE TABLE group_member (
  tenant_id VARCHAR(36) NOT NULL,
  group_id VARCHAR(36) NOT NULL REFERENCES scim_group (id) ON DELETE CASCADE,
  user_id VARCHAR(36) NOT NULL REFERENCES scim_user (id) ON DELETE CASCADE,
  added_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, group_id, user_id)
)
;
CREATE INDEX ix_member_user ON group_member (tenant_id, user_id)
;
