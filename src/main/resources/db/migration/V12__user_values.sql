-- Filters on every attribute of the User schemas (RFC 7644 §3.4.2.2), in the database and on an
-- index: the attributes without a column of their own on scim_user (phoneNumbers, ims, photos,
-- addresses, entitlements, roles, x509Certificates, the rest of name, nickName, title, userType,
-- preferredLanguage, locale, timezone, profileUrl, the enterprise costCenter, organization,
-- division and department) get one row per element and sub-attribute in scim_user_value, written
-- in the same transaction as the user (persistence.UserValues says what a row holds).
-- ix_user_value serves a filter from the value (tenant, attribute, sub-attribute, value: eq, sw and
-- pr read a range of it); the primary key serves the per-user lookups of sub-attribute filters in
-- brackets, and the deletion of a user's rows.
-- The foreign key carries the tenant and does not cascade (see V8): the service deletes a user's
-- rows itself before the user.
-- scim_user_email gains display_ci for emails.display (nullable: expand-only).
-- FILL USER VALUES (persistence.UserValueFill, in Java: SQL cannot read the JSON on both
-- databases) writes the rows of the users already stored, 500 users at a time by primary key.

CREATE TABLE scim_user_value (
  tenant_id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  attr VARCHAR(64) NOT NULL,
  pos INT NOT NULL,
  sub VARCHAR(32) NOT NULL,
  val VARCHAR(512) NOT NULL,
  PRIMARY KEY (tenant_id, user_id, attr, pos, sub)
)
;
ALTER TABLE scim_user_value ADD CONSTRAINT fk_value_user
  FOREIGN KEY (tenant_id, user_id) REFERENCES scim_user (tenant_id, id)
;
CREATE INDEX ix_user_value ON scim_user_value (tenant_id, attr, sub, val, user_id)
;
ALTER TABLE scim_user_email ADD COLUMN display_ci VARCHAR(512)
;
FILL USER VALUES
;
