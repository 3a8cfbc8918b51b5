-- Rolling upgrades (docs/operations.md): old and new releases share the database while instances
-- are replaced one by one, so migrations only expand. A later migration that contracts (drops or
-- renames what an older release still reads) declares on a line of its own the oldest migration
-- a build must know to keep working, as "compatible-from: <version>" after the comment dashes.
-- The runner records that number here, and a build that knows fewer migrations stays unready
-- instead of failing on a missing column. Expand migrations leave it NULL.

ALTER TABLE schema_version ADD COLUMN compatible_from INT
;
