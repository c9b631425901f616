-- Names of division codes (区划代码 / 镇街), so that coverage groups, worklists, exports and the dashboard show
-- 石岐街道 beside 442000001. A code without a row still works everywhere; it is only shown without a name.
--
-- parent_code is the region a listing (`GET /v1/regions?parent=`) places the code under: Zhongshan (4420) has no
-- districts, so its towns and subdistricts sit directly under 4420, as coverage groups them (CoverageGrouping).

CREATE TABLE region (
    code         TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 12 AND code NOT GLOB '*[^0-9]*'),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    parent_code  TEXT CHECK (parent_code IS NULL OR (length(parent_code) < length(code) AND substr(code, 1, length(parent_code)) = parent_code)),
    -- Raised by every change to the row: its ETag derives from it.
    revision     INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;
CREATE INDEX region_parent ON region (parent_code, code);

-- One counter raised by every change of a name, in the same transaction: coverage answers show names, so their
-- ETags include it (a renamed town is not answered 304 with the old name).
CREATE TABLE region_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL
);
INSERT INTO region_version (id, version) VALUES (1, 1);
CREATE TRIGGER region_insert AFTER INSERT ON region
BEGIN
    UPDATE region_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER region_update AFTER UPDATE ON region
BEGIN
    UPDATE region_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER region_delete AFTER DELETE ON region
BEGIN
    UPDATE region_version SET version = version + 1 WHERE id = 1;
END;

-- Sources (public data; entered from memory, without network access when this was written):
-- * Guangdong (44) and its 21 prefecture-level cities: GB/T 2260 (中华人民共和国行政区划代码), as published by the
--   Ministry of Civil Affairs (县级以上行政区划代码). These codes have been stable for decades; confident.
-- * Zhongshan's towns and subdistricts: the National Bureau of Statistics' 统计用区划代码 (9-digit
--   township-level codes under 442000, editions of about 2015-2020): subdistricts 442000001-442000006 and towns
--   442000100-442000117, the set and order the demo city (Sources/cqo-registry/DemoCity.swift) uses. Confident
--   of the scheme (no districts; 001-099 subdistricts, 100- towns) and of 石岐 001, 东区 002, 西区 004, 南区 005,
--   五桂山 006, 小榄 100, 黄圃 101; less sure of the exact numbering of the rest, and the 2020-2021 reform is not
--   reflected everywhere: 民众 and 南朗 became subdistricts (their names here say 街道, as the demo's do, on their
--   town codes 102 and 113), 东升 was merged into 小榄 and 火炬开发区 is listed by the bureau as 中山港街道.
--   Admins correct names with PUT /v1/regions/{code}; check against the bureau's current edition before relying
--   on a code here for anything but display.
INSERT INTO region (code, name, parent_code) VALUES
    ('44', '广东省', NULL),
    ('4401', '广州市', '44'),
    ('4402', '韶关市', '44'),
    ('4403', '深圳市', '44'),
    ('4404', '珠海市', '44'),
    ('4405', '汕头市', '44'),
    ('4406', '佛山市', '44'),
    ('4407', '江门市', '44'),
    ('4408', '湛江市', '44'),
    ('4409', '茂名市', '44'),
    ('4412', '肇庆市', '44'),
    ('4413', '惠州市', '44'),
    ('4414', '梅州市', '44'),
    ('4415', '汕尾市', '44'),
    ('4416', '河源市', '44'),
    ('4417', '阳江市', '44'),
    ('4418', '清远市', '44'),
    ('4419', '东莞市', '44'),
    ('4420', '中山市', '44'),
    ('4451', '潮州市', '44'),
    ('4452', '揭阳市', '44'),
    ('4453', '云浮市', '44'),
    ('442000001', '石岐街道', '4420'),
    ('442000002', '东区街道', '4420'),
    ('442000003', '火炬开发区', '4420'),
    ('442000004', '西区街道', '4420'),
    ('442000005', '南区街道', '4420'),
    ('442000006', '五桂山街道', '4420'),
    ('442000100', '小榄镇', '4420'),
    ('442000101', '黄圃镇', '4420'),
    ('442000102', '民众街道', '4420'),
    ('442000103', '东凤镇', '4420'),
    ('442000104', '东升镇', '4420'),
    ('442000105', '古镇镇', '4420'),
    ('442000106', '沙溪镇', '4420'),
    ('442000107', '坦洲镇', '4420'),
    ('442000108', '港口镇', '4420'),
    ('442000109', '三角镇', '4420'),
    ('442000110', '横栏镇', '4420'),
    ('442000111', '南头镇', '4420'),
    ('442000112', '阜沙镇', '4420'),
    ('442000113', '南朗街道', '4420'),
    ('442000114', '三乡镇', '4420'),
    ('442000115', '板芙镇', '4420'),
    ('442000116', '大涌镇', '4420'),
    ('442000117', '神湾镇', '4420');
