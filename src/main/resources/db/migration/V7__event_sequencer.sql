-- Change events are written without any shared lock: each writing transaction inserts its events
-- here, and the sequencer (feed.Outbox#sequence) moves committed rows into change_event, giving
-- them the next cursors under the outbox_sequence row lock. Expand-only: instances of the previous
-- release keep writing change_event directly under the same lock, and both kinds of writers give
-- out cursors from the same counter.

CREATE TABLE change_event_pending (
  id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id VARCHAR(36) NOT NULL,
  event_type VARCHAR(40) NOT NULL,
  resource_type VARCHAR(16) NOT NULL,
  resource_id VARCHAR(36) NOT NULL,
  occurred_at BIGINT NOT NULL,
  payload ${clob} NOT NULL
)
;
