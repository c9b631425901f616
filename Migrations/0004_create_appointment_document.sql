-- Documents attached to a filing (001 §(十五)): the appointment decision (任命决定) and the commitment letter
-- (承诺书), every uploaded version kept; and supervision actions (约谈 / 警示 / 退出) against an appointment.
CREATE TABLE appointment_document (
    id              INTEGER PRIMARY KEY,
    appointment_id  INTEGER NOT NULL REFERENCES appointment (id),
    kind            TEXT NOT NULL CHECK (kind IN ('decision', 'commitment')),
    version         INTEGER NOT NULL CHECK (version >= 1),
    content_type    TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size            INTEGER NOT NULL CHECK (size = length(content)),
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
    content         BLOB NOT NULL,
    uploaded_at     TEXT NOT NULL,
    uploaded_by     TEXT NOT NULL,
    UNIQUE (appointment_id, kind, version)
);

CREATE TABLE supervision_action (
    id              INTEGER PRIMARY KEY,
    appointment_id  INTEGER NOT NULL REFERENCES appointment (id),
    kind            TEXT NOT NULL CHECK (kind IN ('interview', 'warning', 'exit')),
    reason          TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    occurred_on     TEXT NOT NULL CHECK (occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    actor           TEXT NOT NULL,
    at              TEXT NOT NULL
);
CREATE INDEX supervision_action_appointment ON supervision_action (appointment_id, id);
