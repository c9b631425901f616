-- Coverage targets (覆盖率目标) and the data version that coverage answers and their ETags derive from.

CREATE TABLE coverage_target (
    id               INTEGER PRIMARY KEY,
    region_code      TEXT NOT NULL CHECK (length(region_code) BETWEEN 1 AND 12 AND region_code NOT GLOB '*[^0-9]*'),
    metric           TEXT NOT NULL CHECK (metric IN ('appointment', 'training')),
    -- The counted roles, sorted and joined by ',' (e.g. 'cqo' or 'cqo,safety_director').
    roles            TEXT NOT NULL CHECK (length(roles) > 0),
    size_class       TEXT CHECK (size_class IS NULL OR size_class IN ('large', 'medium', 'small', 'micro')),
    above_scale      INTEGER CHECK (above_scale IS NULL OR above_scale IN (0, 1)),
    manufacturing    INTEGER CHECK (manufacturing IS NULL OR manufacturing IN (0, 1)),
    deadline         TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- The required ratio exactly, in millionths (0.6 is 600000): never binary floating point.
    ratio_millionths INTEGER NOT NULL CHECK (ratio_millionths BETWEEN 0 AND 1000000),
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX coverage_target_region ON coverage_target (region_code);

-- Guangdong, manufacturing enterprises, by end of 2023 / 2024 / 2025 and size class (001 §(四)).
INSERT INTO coverage_target (region_code, metric, roles, size_class, manufacturing, deadline, ratio_millionths) VALUES
    ('44', 'appointment', 'cqo', 'large',  1, '2023-12-31',  600000),
    ('44', 'appointment', 'cqo', 'medium', 1, '2023-12-31',  500000),
    ('44', 'appointment', 'cqo', 'small',  1, '2023-12-31',  300000),
    ('44', 'appointment', 'cqo', 'large',  1, '2024-12-31',  800000),
    ('44', 'appointment', 'cqo', 'medium', 1, '2024-12-31',  600000),
    ('44', 'appointment', 'cqo', 'small',  1, '2024-12-31',  400000),
    ('44', 'appointment', 'cqo', 'large',  1, '2025-12-31', 1000000),
    ('44', 'appointment', 'cqo', 'medium', 1, '2025-12-31', 1000000),
    ('44', 'appointment', 'cqo', 'small',  1, '2025-12-31',  600000);
-- Zhongshan: 100 % of above-scale industrial enterprises by 2025 (004 §2). Assumption: "industrial" is read as
-- manufacturing (section C), as Zhongshan's own report counts above-scale manufacturers (000 §1).
INSERT INTO coverage_target (region_code, metric, roles, above_scale, manufacturing, deadline, ratio_millionths) VALUES
    ('4420', 'appointment', 'cqo', 1, 1, '2025-12-31', 1000000);

-- One counter for everything a coverage answer reads. Triggers raise it in the same transaction as every change
-- to enterprises, appointments and targets, whichever code path writes them.
CREATE TABLE coverage_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO coverage_version (id, version) VALUES (1, 1);

-- The version at which each enterprise's coverage inputs (its row or its appointments) last changed, so that
-- an in-memory coverage index can catch up with exactly the enterprises changed since its own version.
CREATE TABLE coverage_change (
    uscc    TEXT PRIMARY KEY,
    version INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX coverage_change_version ON coverage_change (version);

CREATE TRIGGER coverage_enterprise_insert AFTER INSERT ON enterprise
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
    INSERT INTO coverage_change (uscc, version) VALUES (NEW.uscc, (SELECT version FROM coverage_version WHERE id = 1))
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER coverage_enterprise_update AFTER UPDATE ON enterprise
WHEN OLD.region_code IS NOT NEW.region_code OR OLD.size_class IS NOT NEW.size_class
    OR OLD.above_scale IS NOT NEW.above_scale OR OLD.industry_code IS NOT NEW.industry_code
    OR OLD.sector IS NOT NEW.sector OR OLD.registered_on IS NOT NEW.registered_on
    OR OLD.deregistered_on IS NOT NEW.deregistered_on OR OLD.uscc IS NOT NEW.uscc
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
    INSERT INTO coverage_change (uscc, version) VALUES (OLD.uscc, (SELECT version FROM coverage_version WHERE id = 1))
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
    INSERT INTO coverage_change (uscc, version) VALUES (NEW.uscc, (SELECT version FROM coverage_version WHERE id = 1))
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER coverage_enterprise_delete AFTER DELETE ON enterprise
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
    INSERT INTO coverage_change (uscc, version) VALUES (OLD.uscc, (SELECT version FROM coverage_version WHERE id = 1))
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER coverage_appointment_insert AFTER INSERT ON appointment
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
    INSERT INTO coverage_change (uscc, version) VALUES (NEW.uscc, (SELECT version FROM coverage_version WHERE id = 1))
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER coverage_appointment_update AFTER UPDATE ON appointment
WHEN OLD.uscc IS NOT NEW.uscc OR OLD.role IS NOT NEW.role OR OLD.appointed_on IS NOT NEW.appointed_on
    OR OLD.registered_on IS NOT NEW.registered_on OR OLD.ended_on IS NOT NEW.ended_on
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
    INSERT INTO coverage_change (uscc, version) VALUES (OLD.uscc, (SELECT version FROM coverage_version WHERE id = 1))
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
    INSERT INTO coverage_change (uscc, version) VALUES (NEW.uscc, (SELECT version FROM coverage_version WHERE id = 1))
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER coverage_appointment_delete AFTER DELETE ON appointment
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
    INSERT INTO coverage_change (uscc, version) VALUES (OLD.uscc, (SELECT version FROM coverage_version WHERE id = 1))
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER coverage_target_insert AFTER INSERT ON coverage_target
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER coverage_target_update AFTER UPDATE ON coverage_target
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER coverage_target_delete AFTER DELETE ON coverage_target
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
END;

-- Appointments of one enterprise by role, for rebuilding the index's coverage terms.
CREATE INDEX appointment_coverage ON appointment (role, uscc, registered_on, ended_on, appointed_on);
