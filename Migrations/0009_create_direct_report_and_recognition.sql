-- Quality-safety direct reports (质量安全直报, 001 §(十一)) and recognitions (典型案例 / 示范基地, 000 §1, §4)
-- (DOMAIN.md "Recognitions and direct reports").
--
-- A report is never deleted: every step (filed, acknowledged, closed) is kept in direct_report_transition with who
-- did it, when, and the note given. Its optional attachment is checked as filing documents are (PDF/JPEG/PNG by
-- their bytes, size-capped) and kept with its SHA-256.

CREATE TABLE direct_report (
    id               INTEGER PRIMARY KEY,
    uscc             TEXT NOT NULL REFERENCES enterprise (uscc) CHECK (length(uscc) = 18),
    subject          TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body             TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    severity         TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    status           TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'closed')),
    -- RFC 3339 UTC instants of fixed width (YYYY-MM-DDTHH:MM:SS.sssZ), so that they sort as text.
    filed_at         TEXT NOT NULL CHECK (length(filed_at) = 24),
    acknowledged_at  TEXT CHECK (acknowledged_at IS NULL OR length(acknowledged_at) = 24),
    closed_at        TEXT CHECK (closed_at IS NULL OR length(closed_at) = 24),
    -- Raised by every step: the report's ETag derives from it.
    revision         INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    CHECK ((status = 'open') = (acknowledged_at IS NULL)),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX direct_report_uscc ON direct_report (uscc, id);
CREATE INDEX direct_report_status ON direct_report (status, id);

CREATE TABLE direct_report_transition (
    id         INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES direct_report (id),
    at          TEXT NOT NULL CHECK (length(at) = 24),
    actor       TEXT NOT NULL,
    from_status TEXT CHECK (from_status IS NULL OR from_status IN ('open', 'acknowledged', 'closed')),
    to_status   TEXT NOT NULL CHECK (to_status IN ('open', 'acknowledged', 'closed')),
    note        TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 1000)
);
CREATE INDEX direct_report_transition_report ON direct_report_transition (report_id, id);

CREATE TABLE direct_report_attachment (
    report_id     INTEGER PRIMARY KEY REFERENCES direct_report (id),
    content_type  TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size          INTEGER NOT NULL CHECK (size = length(content)),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    content       BLOB NOT NULL
);

CREATE TABLE recognition (
    id        INTEGER PRIMARY KEY,
    uscc      TEXT NOT NULL REFERENCES enterprise (uscc) CHECK (length(uscc) = 18),
    kind      TEXT NOT NULL CHECK (kind IN ('exemplary_case', 'demonstration_base')),
    level     TEXT NOT NULL CHECK (level IN ('national', 'provincial', 'city')),
    year      INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    title     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- Raised by every change: the recognition's ETag derives from it.
    revision  INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX recognition_uscc ON recognition (uscc, id);
