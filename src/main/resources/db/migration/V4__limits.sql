-- Limits (docs/reliability.md#limits): a tenant's own request rate (NULL = the deployment
-- default, 0 = no limit) and one heartbeat row per running instance, so that each instance
-- enforces its share of a tenant's rate (rate / live instances). Both only add: an older instance
-- ignores them.

ALTER TABLE tenant ADD COLUMN rate_limit_per_second INT
;
CREATE TABLE instance_heartbeat (
  instance_id VARCHAR(128) NOT NULL PRIMARY KEY,
  last_seen BIGINT NOT NULL
)
;
