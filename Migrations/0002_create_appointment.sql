-- People (a person is identified by the resident ID number, GB 11643) and their appointments (聘任) as
-- chief quality officer, quality safety director or quality safety officer, with every filing transition.
CREATE TABLE person (
    id          INTEGER PRIMARY KEY,
    id_number   TEXT NOT NULL UNIQUE CHECK (length(id_number) = 18),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    phone       TEXT NOT NULL,
    email       TEXT,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE appointment (
    id              INTEGER PRIMARY KEY,
    uscc            TEXT NOT NULL REFERENCES enterprise (uscc),
    person_id       INTEGER NOT NULL REFERENCES person (id),
    role            TEXT NOT NULL CHECK (role IN ('cqo', 'safety_director', 'safety_officer')),
    status          TEXT NOT NULL CHECK (status IN ('submitted', 'returned', 'registered', 'dismissed', 'superseded', 'removed')),
    position        TEXT NOT NULL CHECK (length(position) BETWEEN 1 AND 100),
    is_principal    INTEGER NOT NULL CHECK (is_principal IN (0, 1)),
    appointed_on    TEXT NOT NULL,
    registered_on   TEXT,
    ended_on        TEXT,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (status NOT IN ('registered', 'dismissed', 'superseded', 'removed') OR registered_on IS NOT NULL),
    CHECK (ended_on IS NULL OR status IN ('dismissed', 'superseded', 'removed')),
    CHECK (registered_on IS NULL OR registered_on >= appointed_on),
    CHECK (ended_on IS NULL OR ended_on >= appointed_on)
);
CREATE INDEX appointment_uscc ON appointment (uscc, role, status);
CREATE INDEX appointment_person ON appointment (person_id);
CREATE INDEX appointment_status ON appointment (status, role);
-- At most one registered chief quality officer per enterprise at any moment: the database enforces it too.
CREATE UNIQUE INDEX appointment_one_registered_cqo ON appointment (uscc) WHERE role = 'cqo' AND status = 'registered';

CREATE TABLE appointment_transition (
    id              INTEGER PRIMARY KEY,
    appointment_id  INTEGER NOT NULL REFERENCES appointment (id),
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    from_status     TEXT,
    to_status       TEXT NOT NULL,
    reason          TEXT
);
CREATE INDEX appointment_transition_appointment ON appointment_transition (appointment_id, id);
