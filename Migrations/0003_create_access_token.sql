-- API tokens (stored only as SHA-256 hashes of their secrets), the hash-chained audit log, idempotent
-- responses of creating POSTs, and the append-only change feed.
CREATE TABLE access_token (
    id           INTEGER PRIMARY KEY,
    secret_hash  TEXT NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
    role         TEXT NOT NULL CHECK (role IN ('admin', 'regulator', 'enterprise', 'trainer', 'viewer')),
    region       TEXT CHECK (region IS NULL OR (length(region) BETWEEN 1 AND 12 AND region NOT GLOB '*[^0-9]*')),
    uscc         TEXT CHECK (uscc IS NULL OR length(uscc) = 18),
    label        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    expires_at   TEXT,
    revoked_at   TEXT,
    CHECK ((role = 'enterprise') = (uscc IS NOT NULL)),
    CHECK (role IN ('trainer', 'enterprise') OR region IS NOT NULL)
);

CREATE TABLE audit_event (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    actor_token  INTEGER,
    actor_role   TEXT NOT NULL,
    action       TEXT NOT NULL,
    resource     TEXT NOT NULL,
    request_id   TEXT NOT NULL,
    digest       TEXT NOT NULL,
    previous     TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_event_actor ON audit_event (actor_token, id);
CREATE INDEX audit_event_resource ON audit_event (resource, id);

CREATE TABLE idempotent_response (
    token_id     INTEGER NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL,
    headers      TEXT NOT NULL,
    body         BLOB NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (token_id, key)
);
CREATE INDEX idempotent_response_created ON idempotent_response (created_at);

CREATE TABLE change_event (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    kind         TEXT NOT NULL,
    resource     TEXT NOT NULL,
    region_code  TEXT NOT NULL,
    payload      TEXT NOT NULL
);
