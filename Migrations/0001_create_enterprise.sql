-- The city's enterprise roster (企业). Identified by the USCC; never deleted, deregistered by date.
CREATE TABLE enterprise (
    uscc            TEXT PRIMARY KEY CHECK (length(uscc) = 18),
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    region_code     TEXT NOT NULL CHECK (length(region_code) BETWEEN 1 AND 12 AND region_code NOT GLOB '*[^0-9]*'),
    size_class      TEXT NOT NULL CHECK (size_class IN ('large', 'medium', 'small', 'micro')),
    above_scale     INTEGER NOT NULL CHECK (above_scale IN (0, 1)),
    industry_code   TEXT NOT NULL CHECK (length(industry_code) BETWEEN 1 AND 5),
    sector          TEXT NOT NULL CHECK (sector IN ('product', 'engineering', 'service')),
    employees       INTEGER CHECK (employees >= 0),
    revenue_cny     INTEGER CHECK (revenue_cny >= 0),
    registered_on   TEXT CHECK (registered_on IS NULL OR registered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    deregistered_on TEXT CHECK (deregistered_on IS NULL OR deregistered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

-- Region prefixes are matched as ranges (region_code >= p AND region_code < p || ':'), which this index serves.
CREATE INDEX enterprise_region ON enterprise (region_code, uscc);
CREATE INDEX enterprise_industry ON enterprise (industry_code);
