-- userNames and group displayNames compare by a comparison key: NFKC plus a full case fold
-- (persistence.NameKey), so that look-alikes such as "café" written precomposed or with a combining
-- accent, fullwidth "ａdmin" and "admin", "σ" and "ς", or "ﬁ" and "fi" are one name. Before, only
-- the lower-cased name (user_name_ci, display_name_ci) was unique.
-- The key is stored beside the name; the name keeps exactly what the client sent.
-- Rows that were distinct before but share a key now are all kept: FILL NAME KEYS (run by the
-- migration runner in Java, persistence.NameKeyFill) gives each tenant's oldest row the key alone
-- and every later look-alike its own id in the tiebreak column, logs a WARNING per collision
-- (tenant and resource ids, never names) and records it in name_key_collision for support.
-- Expand-only: the key columns are nullable or have a default, so an instance of the previous
-- release keeps inserting (its rows get their keys at the next start-up of this release), and the
-- old unique indexes on the lower-cased names stay until a later contract migration.
-- The unique constraints come before the fill so that the fill looks keys up through them.

ALTER TABLE scim_user ADD COLUMN user_name_key VARCHAR(512)
;
ALTER TABLE scim_user ADD COLUMN user_name_key_tiebreak VARCHAR(36) DEFAULT '' NOT NULL
;
ALTER TABLE scim_group ADD COLUMN display_name_key VARCHAR(512)
;
ALTER TABLE scim_group ADD COLUMN display_name_key_tiebreak VARCHAR(36) DEFAULT '' NOT NULL
;
ALTER TABLE scim_user ADD CONSTRAINT ux_user_name_key
  UNIQUE (tenant_id, user_name_key, user_name_key_tiebreak)
;
ALTER TABLE scim_group ADD CONSTRAINT ux_group_display_name_key
  UNIQUE (tenant_id, display_name_key, display_name_key_tiebreak)
;
CREATE TABLE name_key_collision (
  id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id VARCHAR(36) NOT NULL,
  resource_type VARCHAR(16) NOT NULL,
  resource_id VARCHAR(36) NOT NULL,
  kept_id VARCHAR(36) NOT NULL,
  found_at BIGINT NOT NULL
)
;
CREATE INDEX ix_name_key_collision ON name_key_collision (tenant_id, found_at)
;
FILL NAME KEYS
;
