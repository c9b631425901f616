-- Training (培训), exams (考核), certificates (发证) and the personal credit record (个人诚信档案): the registry's
-- third pillar (DOMAIN.md "Training, exams, talent pool"; 001 §(六), §(七), §(十三)).
--
-- Certificates are revoked and renewed, never removed; every renewal is kept. Attendance is replaced as a whole
-- list per session (each replacement is an audit entry and a change-feed event; the session's revision counts them).

CREATE TABLE training_session (
    id            INTEGER PRIMARY KEY,
    provider      TEXT NOT NULL CHECK (length(provider) BETWEEN 1 AND 200),
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- Hours exactly, in tenths (7.5 h is 75): never binary floating point.
    hours_tenths  INTEGER NOT NULL CHECK (hours_tenths BETWEEN 1 AND 10000),
    starts_on     TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ends_on       TEXT NOT NULL CHECK (ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    mode          TEXT NOT NULL CHECK (mode IN ('online', 'offline')),
    region_code   TEXT NOT NULL CHECK (length(region_code) BETWEEN 1 AND 12 AND region_code NOT GLOB '*[^0-9]*'),
    -- Raised by every change to the session or its attendance: the session's ETag derives from it.
    revision      INTEGER NOT NULL DEFAULT 1,
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX training_session_region ON training_session (region_code, id);
CREATE INDEX training_session_provider ON training_session (provider, id);

-- The current attendance list of each session: hours per person.
CREATE TABLE attendance (
    session_id    INTEGER NOT NULL REFERENCES training_session (id),
    person_id     INTEGER NOT NULL REFERENCES person (id),
    hours_tenths  INTEGER NOT NULL CHECK (hours_tenths BETWEEN 1 AND 10000),
    PRIMARY KEY (session_id, person_id)
) WITHOUT ROWID;
CREATE INDEX attendance_person ON attendance (person_id, session_id);

CREATE TABLE exam_attempt (
    id                  INTEGER PRIMARY KEY,
    person_id           INTEGER NOT NULL REFERENCES person (id),
    session_id          INTEGER REFERENCES training_session (id),
    taken_on            TEXT NOT NULL CHECK (taken_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    score               INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    -- The pass mark in force when the attempt was judged (a later change of the flag does not re-judge it).
    pass_mark           INTEGER NOT NULL CHECK (pass_mark BETWEEN 0 AND 100),
    passed              INTEGER NOT NULL CHECK (passed IN (0, 1)),
    -- The certificate this pass issued; NULL for a fail, or a pass while a certificate was already valid.
    certificate_number  TEXT REFERENCES certificate (number),
    recorded_by         TEXT NOT NULL,
    recorded_at         TEXT NOT NULL,
    CHECK (passed = (score >= pass_mark)),
    CHECK (certificate_number IS NULL OR passed = 1)
);
CREATE INDEX exam_attempt_person ON exam_attempt (person_id, id);

CREATE TABLE certificate (
    -- CQO-YYYY-XXXXXXXXXC: random symbols and a check character (CertificateNumber).
    number        TEXT PRIMARY KEY CHECK (length(number) BETWEEN 10 AND 40),
    person_id     INTEGER NOT NULL REFERENCES person (id),
    issued_on     TEXT NOT NULL CHECK (issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    expires_on    TEXT NOT NULL CHECK (expires_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    revoked_on    TEXT CHECK (revoked_on IS NULL OR revoked_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- The supervision action (an exit) that revoked it.
    revoked_by_action INTEGER REFERENCES supervision_action (id),
    created_at    TEXT NOT NULL,
    CHECK (expires_on >= issued_on)
) WITHOUT ROWID;
CREATE INDEX certificate_person ON certificate (person_id, issued_on);
CREATE INDEX certificate_expiry ON certificate (expires_on);

-- Every renewal of a certificate (continuing education, 继续教育): the history a renewed validity keeps.
CREATE TABLE certificate_renewal (
    id                    INTEGER PRIMARY KEY,
    certificate_number    TEXT NOT NULL REFERENCES certificate (number),
    renewed_on            TEXT NOT NULL,
    previous_expires_on   TEXT NOT NULL,
    expires_on            TEXT NOT NULL,
    -- The continuing-education hours that the renewal counted, in tenths.
    hours_tenths          INTEGER NOT NULL CHECK (hours_tenths >= 0),
    actor                 TEXT NOT NULL,
    at                    TEXT NOT NULL,
    CHECK (expires_on > previous_expires_on)
);
CREATE INDEX certificate_renewal_certificate ON certificate_renewal (certificate_number, id);

-- A supervision action may be serious; a serious one enters the person's credit record.
ALTER TABLE supervision_action ADD COLUMN serious INTEGER NOT NULL DEFAULT 0 CHECK (serious IN (0, 1));

CREATE TABLE credit_record_entry (
    id                    INTEGER PRIMARY KEY,
    person_id             INTEGER NOT NULL REFERENCES person (id),
    supervision_action_id INTEGER NOT NULL UNIQUE REFERENCES supervision_action (id),
    at                    TEXT NOT NULL
);
CREATE INDEX credit_record_entry_person ON credit_record_entry (person_id, id);

-- Training coverage (metric = training) counts the enterprises whose registered cqo holds a valid certificate, so
-- a change to a certificate is a change to the coverage inputs of every enterprise that filed its holder as cqo.
CREATE TRIGGER coverage_certificate_insert AFTER INSERT ON certificate
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
    INSERT INTO coverage_change (uscc, version)
        SELECT DISTINCT uscc, (SELECT version FROM coverage_version WHERE id = 1) FROM appointment
        WHERE person_id = NEW.person_id AND role = 'cqo'
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER coverage_certificate_update AFTER UPDATE ON certificate
WHEN OLD.issued_on IS NOT NEW.issued_on OR OLD.expires_on IS NOT NEW.expires_on
    OR OLD.revoked_on IS NOT NEW.revoked_on OR OLD.person_id IS NOT NEW.person_id
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
    INSERT INTO coverage_change (uscc, version)
        SELECT DISTINCT uscc, (SELECT version FROM coverage_version WHERE id = 1) FROM appointment
        WHERE person_id IN (OLD.person_id, NEW.person_id) AND role = 'cqo'
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
END;
