-- Fewer index entries per provisioned user. Every row written adds one entry to each index of its
-- table (on embedded Derby each is a B-tree search and insert inside the server's process: half of
-- Derby's CPU in the initial cycle's profile, docs/benchmarks.md), and every foreign key probes
-- the parent's index. A user created by Entra's initial cycle (userName lookup, POST /Users with one
-- e-mail) added 32 index entries and 3 foreign-key probes on Derby (30 and 3 on PostgreSQL, which
-- does not index foreign keys by itself); after this migration 25 and none on both
-- (persistence.HotTableIndexesTest counts them and names the reader of each index that stays).
-- What goes, and why nothing needs it:
-- * scim_user.tenant_id and scim_group.tenant_id REFERENCES tenant (id): on Derby a backing index
--   of (tenant_id) alone, a prefix of every other index of the table. Tenant rows are never
--   deleted, and a user or group is only written for the tenant of the caller's bearer token,
--   whose row references the tenant (api_token keeps its foreign key).
-- * ux_user_name (tenant_id, user_name_ci): the uniqueness of userNames is ux_user_name_key's
--   (V10), which is stricter (two names equal once lower-cased have equal comparison keys,
--   persistence.NameKeyTest); no filter reads user_name_ci, and sorting by userName now orders by
--   the comparison key, on ux_user_name_key. The column stays (the console's search and the
--   members page read it).
-- * the foreign keys of e-mail rows and indexed values to their user (fk_email_user,
--   fk_value_user), each with a backing index of (tenant_id, user_id), a prefix of the table's
--   primary key (Derby does not share an index with a longer one): the rows are a copy of the
--   user's JSON for filters, written in the user's own transaction under its row lock and deleted
--   before it; every query reaches them through the user row and compares the tenant itself. On
--   PostgreSQL V1's ix_email_user (user_id) goes too: nothing reads e-mail rows without the tenant
--   (Derby never created it: it duplicated V1's foreign-key index, warning 01504).
-- * ix_audit_tenant (tenant_id, occurred_at): the time windows of the audit trail are read per
--   action from ix_audit_action (persistence.AccountAudit), and a tenant's entries in id order are
--   read through any index that starts with the tenant, as before.
-- * the primary key of scim_activity: a random UUID that no query looks up (the request log is
--   read by tenant and time, status or resource); the id stays, unique by construction, as the
--   row's name in the console and the admin API.
-- Kept on purpose: group_member's foreign keys (a membership's group and user are of its tenant:
-- the filters on groups.display and members.display read the other row by primary key and rely
-- on it; Derby shares fk_member_user's index with ix_member_user), and every index a filter, sort,
-- list or job reads (HotTableIndexesTest names each one's reader).
-- Compatible from V10: a release that knows V10 inserts the comparison key and relies on
-- ux_user_name_key; one that does not would rely on the dropped ux_user_name for uniqueness.
-- compatible-from: 10
-- DROP FOREIGN KEY, DROP PRIMARY KEY and DROP INDEX ... IF EXISTS are expanded by the migration
-- runner (persistence.Migrations) from the database's metadata: the names are the database's own.

DROP FOREIGN KEY scim_user (tenant_id)
;
DROP FOREIGN KEY scim_group (tenant_id)
;
DROP INDEX ux_user_name
;
ALTER TABLE scim_user_email DROP CONSTRAINT fk_email_user
;
DROP INDEX IF EXISTS ix_email_user ON scim_user_email
;
ALTER TABLE scim_user_value DROP CONSTRAINT fk_value_user
;
DROP INDEX ix_audit_tenant
;
DROP PRIMARY KEY scim_activity
;
