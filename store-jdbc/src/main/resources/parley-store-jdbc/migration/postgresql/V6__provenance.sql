-- Where an imported comment came from (Comment.provenance()): its source system, ids and raw values, as the
-- JSON object ProvenanceCodec writes; NULL for a comment written here. Up to 1,048,576 characters of values,
-- which escaping can make six times longer. TEXT, not jsonb: jsonb refuses the \u0000 escape the codec
-- writes for U+0000. Adding a nullable column without a default rewrites no row.
ALTER TABLE parley_comment ADD COLUMN provenance TEXT;
