-- Where an imported comment came from (Comment.provenance()): its source system, ids and raw values, as the
-- JSON object ProvenanceCodec writes; NULL for a comment written here. Up to 1,048,576 characters of values,
-- which escaping can make six times longer: beyond H2's VARCHAR limit of 1,000,000, so a CLOB.
ALTER TABLE parley_comment ADD COLUMN provenance CHARACTER LARGE OBJECT;
