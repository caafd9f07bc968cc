-- Where an imported comment came from (Comment.provenance()): its source system, ids and raw values, as the
-- JSON object ProvenanceCodec writes; NULL for a comment written here. Up to 1,048,576 characters of values,
-- which escaping can make six times longer (about 6.3 MB, all ASCII then): MEDIUMTEXT holds 16 MB, and counts
-- a few bytes in the row. Added last, so MariaDB 10.3+ adds it instantly, without copying the table.
ALTER TABLE parley_comment ADD COLUMN provenance MEDIUMTEXT NULL;
