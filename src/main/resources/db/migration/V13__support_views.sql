-- What support reads in the console and the admin API without guessing.
-- scim_activity: the name of the user or group a request touched (userName or displayName, as the
-- service knew it when it answered), the kind of change (created, updated, deactivated, held,
-- restored, deleted, unchanged: what the provisioning cycles count) and a summary in words made of
-- attribute names and lifecycle transitions only, never values ("active true -> false", "title
-- changed", "members +3 -1"); member counts added and removed by the request.
-- account_audit: the lower-cased userName, so that the console finds accounts by name after their
-- SCIM record was purged (the trail outlives the record).
-- group_deletion, group_deletion_member: a deleted group's record (name, when, by whom) and its
-- members at deletion time with their userNames, so that support can tell which accounts the
-- deletion or Entra's following deactivations affected.
-- Expand-only: every new column is nullable; an instance of the previous release keeps inserting.

ALTER TABLE scim_activity ADD COLUMN resource_name VARCHAR(300)
;
ALTER TABLE scim_activity ADD COLUMN change_kind VARCHAR(16)
;
ALTER TABLE scim_activity ADD COLUMN change_summary VARCHAR(300)
;
ALTER TABLE scim_activity ADD COLUMN members_added INT
;
ALTER TABLE scim_activity ADD COLUMN members_removed INT
;
ALTER TABLE account_audit ADD COLUMN user_name_ci VARCHAR(512)
;
UPDATE account_audit SET user_name_ci = LOWER(user_name)
;
CREATE INDEX ix_audit_user_name ON account_audit (tenant_id, user_name_ci)
;
CREATE TABLE group_deletion (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(36) NOT NULL,
  group_id VARCHAR(36) NOT NULL,
  display_name VARCHAR(512) NOT NULL,
  deleted_at BIGINT NOT NULL,
  actor_type VARCHAR(16) NOT NULL,
  actor_id VARCHAR(100),
  member_count INT NOT NULL,
  policy VARCHAR(16) NOT NULL
)
;
CREATE INDEX ix_group_deletion_time ON group_deletion (tenant_id, deleted_at)
;
CREATE INDEX ix_group_deletion_group ON group_deletion (tenant_id, group_id)
;
CREATE TABLE group_deletion_member (
  tenant_id VARCHAR(36) NOT NULL,
  deletion_id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  user_name VARCHAR(512) NOT NULL,
  PRIMARY KEY (tenant_id, deletion_id, user_id)
)
;
