-- The region each audit entry concerns (an enterprise's, a coverage target's, a token's), so that an admin lists
-- only the entries within its own region. Entries written before this migration concern no region (NULL); their
-- hashes, which never covered a region, still verify: the chain includes the region only when there is one.
--
-- No index on region_code: a list pages by id and matches region prefixes as ranges (region_code >= p AND
-- region_code < p || ':'), and an index on (region_code, id) makes SQLite sort the prefix's whole range for every
-- page (about 0.2 s a page for a province at a million entries, so paging through it grows quadratically). Walking
-- the primary key from the cursor reads each entry at most once over all pages.
ALTER TABLE audit_event ADD COLUMN region_code TEXT
    CHECK (region_code IS NULL OR (length(region_code) BETWEEN 1 AND 12 AND region_code NOT GLOB '*[^0-9]*'));
