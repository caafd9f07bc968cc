-- Where an imported comment came from (Comment.provenance()): its source system, ids and raw values, as the
-- JSON object ProvenanceCodec writes; NULL for a comment written here. SQLite text has no length limit short of
-- the 1,000,000,000-byte default SQLITE_MAX_LENGTH, far above what a provenance takes escaped.
ALTER TABLE parley_comment ADD COLUMN provenance TEXT;
