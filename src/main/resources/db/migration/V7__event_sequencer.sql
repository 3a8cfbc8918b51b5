-- Change events are written without any shared lock: each writing transaction inserts its events
-- here, and the sequencer (feed.Outbox#sequence) moves committed rows into change_event, giving
-- them the next cursors under the outbox_sequence row lock. Expand-only: instances of the previous
-- release keep writing change_event directly under the same lock, and both kinds of writers give
-- out cursors from the same counter.
-- The id orders the pending events: on PostgreSQL it comes from change_event_pending_seq (a
-- sequence is never rolled back or locked by a transaction); embedded Derby has one instance by
-- construction and takes it from a counter in that instance (Derby's identity columns and
-- sequences refill their ranges under a catalog lock and fail writers under contention).

CREATE TABLE change_event_pending (
  id BIGINT NOT NULL PRIMARY KEY,
  tenant_id VARCHAR(36) NOT NULL,
  event_type VARCHAR(40) NOT NULL,
  resource_type VARCHAR(16) NOT NULL,
  resource_id VARCHAR(36) NOT NULL,
  occurred_at BIGINT NOT NULL,
  payload ${clob} NOT NULL
)
;
CREATE SEQUENCE change_event_pending_seq AS BIGINT START WITH 1
;
