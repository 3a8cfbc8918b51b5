-- Foreign keys from memberships and e-mail rows to their user and group, without ON DELETE CASCADE
-- and with the tenant in the key.
-- Why: on embedded Derby, deleting one user or group with a cascading foreign key locked the whole
-- group_member (or scim_user_email) table in exclusive mode until commit, so concurrent deletions,
-- member PATCHes and deactivations queued behind it and deadlocked (the incremental benchmark's
-- deletes waited up to 60 s; docs/benchmarks.md). The service already deletes a user's or group's
-- memberships and e-mail rows itself, by index, before the row they point to, so nothing relied on
-- the cascade; an instance of the previous release does the same, so this is expand-compatible.
-- The tenant in the key: a membership or e-mail row can only ever point to a user or group of its
-- own tenant, and the check on delete finds the dependent rows through indexes that start with the
-- tenant (group_member's primary key and ix_member_user, scim_user_email's primary key) instead of
-- scanning the table (PostgreSQL does not index foreign keys by itself).
-- DROP FOREIGN KEY <table> (<column>) is expanded by the migration runner (persistence.Migrations):
-- V1 declared these keys inline, so their names are the database's own.

ALTER TABLE scim_user ADD CONSTRAINT uq_user_tenant_id UNIQUE (tenant_id, id)
;
ALTER TABLE scim_group ADD CONSTRAINT uq_group_tenant_id UNIQUE (tenant_id, id)
;
DROP FOREIGN KEY group_member (user_id)
;
DROP FOREIGN KEY group_member (group_id)
;
DROP FOREIGN KEY scim_user_email (user_id)
;
ALTER TABLE group_member ADD CONSTRAINT fk_member_user
  FOREIGN KEY (tenant_id, user_id) REFERENCES scim_user (tenant_id, id)
;
ALTER TABLE group_member ADD CONSTRAINT fk_member_group
  FOREIGN KEY (tenant_id, group_id) REFERENCES scim_group (tenant_id, id)
;
ALTER TABLE scim_user_email ADD CONSTRAINT fk_email_user
  FOREIGN KEY (tenant_id, user_id) REFERENCES scim_user (tenant_id, id)
;
