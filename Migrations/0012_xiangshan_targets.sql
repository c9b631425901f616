-- Xiangshan District (相山区, 340603), Huaibei, Anhui: the three targets of 相政办秘〔2020〕15号 (003 §2, 主要目标).
--
-- 1. "到 2020 年 12 月底，全区规模以上企业首席质量官 100% 聘任到位。"
--    (by end-December 2020, chief quality officers appointed at 100 % of above-scale enterprises district-wide)
--    → metric appointment, population above_scale = true, deadline 2020-12-31, ratio 1.
--
-- 2. "到 2021 年 12 月底，全区中小企业需要聘任企业首席质量官的 100%聘任到位。"
--    (by end-December 2021, appointed at 100 % of the SMEs that need to appoint one)
--    → metric appointment, one target per size class medium, small and micro, deadline 2021-12-31, ratio 1.
--    How "SMEs" (中小企业) maps onto the population filter: by the enterprise's size class, as the SME Promotion
--    Law (中小企业促进法, art. 2) defines 中小企业: "包括中型企业、小型企业和微型企业" (medium, small and micro
--    enterprises; the roster keeps them as size classes by 统计上大中小微型企业划分办法 2017). A target's filter
--    holds one size class, so the one target of the notice is three rows. Not above_scale = false: above-scale
--    enterprises are SMEs too (most of them medium or small), and the notice names them apart only for the
--    earlier deadline. Assumption: "that need to appoint one" (需要聘任的) cannot be told from the roster, so every
--    SME on the roster in the district is counted; a region that lists only the enterprises concerned gets the
--    notice's figure exactly, one that lists more sees a larger shortfall.
--
-- 3. "到 2022 年 12 月底，在区市场监管部门备案的企业首席质量官 100%培训到位。"
--    (by end-December 2022, 100 % of the CQOs filed with the district market regulator trained)
--    → metric training (enterprises with a registered cqo whose appointee holds a valid certificate), no
--    population filter, deadline 2022-12-31, ratio 1. "Filed with the district market regulator" (备案) is read
--    as registered in this registry (status registered, its term containing the day).
INSERT INTO coverage_target (region_code, metric, roles, size_class, above_scale, deadline, ratio_millionths) VALUES
    ('340603', 'appointment', 'cqo', NULL,     1,    '2020-12-31', 1000000),
    ('340603', 'appointment', 'cqo', 'medium', NULL, '2021-12-31', 1000000),
    ('340603', 'appointment', 'cqo', 'small',  NULL, '2021-12-31', 1000000),
    ('340603', 'appointment', 'cqo', 'micro',  NULL, '2021-12-31', 1000000),
    ('340603', 'training',    'cqo', NULL,     NULL, '2022-12-31', 1000000);

-- Training coverage reads an appointment's person (whose certificates count), so a change of person_id is a change
-- to the enterprise's coverage inputs as well. The trigger of 0005 did not watch it (a returned filing may be
-- resubmitted for another person); it is replaced by one that does.
DROP TRIGGER coverage_appointment_update;
CREATE TRIGGER coverage_appointment_update AFTER UPDATE ON appointment
WHEN OLD.uscc IS NOT NEW.uscc OR OLD.role IS NOT NEW.role OR OLD.appointed_on IS NOT NEW.appointed_on
    OR OLD.registered_on IS NOT NEW.registered_on OR OLD.ended_on IS NOT NEW.ended_on
    OR OLD.person_id IS NOT NEW.person_id
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
    INSERT INTO coverage_change (uscc, version) VALUES (OLD.uscc, (SELECT version FROM coverage_version WHERE id = 1))
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
    INSERT INTO coverage_change (uscc, version) VALUES (NEW.uscc, (SELECT version FROM coverage_version WHERE id = 1))
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
END;

-- The certificate triggers of 0008 find the holder's enterprises with `role = 'cqo'`, for which SQLite picks the
-- index appointment_coverage (role, …) and so reads every cqo appointment on each certificate written: at
-- 900,000 appointments an exam pass, an exit's revocation or a renewal took a full index scan, and issuing
-- 540,000 certificates did not finish in five minutes. `+role` keeps the role out of index selection, so the
-- appointments are found by appointment_person (person_id) instead. Same effect, replaced as they were.
DROP TRIGGER coverage_certificate_insert;
CREATE TRIGGER coverage_certificate_insert AFTER INSERT ON certificate
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
    INSERT INTO coverage_change (uscc, version)
        SELECT DISTINCT uscc, (SELECT version FROM coverage_version WHERE id = 1) FROM appointment
        WHERE person_id = NEW.person_id AND +role = 'cqo'
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
END;

DROP TRIGGER coverage_certificate_update;
CREATE TRIGGER coverage_certificate_update AFTER UPDATE ON certificate
WHEN OLD.issued_on IS NOT NEW.issued_on OR OLD.expires_on IS NOT NEW.expires_on
    OR OLD.revoked_on IS NOT NEW.revoked_on OR OLD.person_id IS NOT NEW.person_id
BEGIN
    UPDATE coverage_version SET version = version + 1 WHERE id = 1;
    INSERT INTO coverage_change (uscc, version)
        SELECT DISTINCT uscc, (SELECT version FROM coverage_version WHERE id = 1) FROM appointment
        WHERE person_id IN (OLD.person_id, NEW.person_id) AND +role = 'cqo'
        ON CONFLICT (uscc) DO UPDATE SET version = excluded.version;
END;
