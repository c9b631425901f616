-- The audit chain is keyed from here on: each new entry's hash is HMAC-SHA256 under a key kept outside the database
-- (`--audit-key`, 32 random bytes), so whoever can write the database alone can no longer alter an entry and
-- recompute every later hash. Entries already written keep their plain SHA-256 hashes and still verify; this one row
-- records from which entry id the keyed hash applies, and verification refuses a plain-hash entry from there on.
--
-- key_check is the key's HMAC over "cqo-registry audit chain keyed from entry <keyed_from>": it is written by the
-- first start that has a key, shows a wrong key clearly, and binds keyed_from, so moving that boundary (to make
-- recomputed plain hashes acceptable again) fails verification.
CREATE TABLE audit_chain_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    keyed_from INTEGER NOT NULL CHECK (keyed_from >= 1),
    key_check TEXT CHECK (key_check IS NULL OR length(key_check) = 64)
);
INSERT INTO audit_chain_key (id, keyed_from) SELECT 1, coalesce(max(id), 0) + 1 FROM audit_event;
