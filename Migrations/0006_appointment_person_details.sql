-- A filing's person details (name, phone, e-mail) belong to that filing. One person (one resident ID number)
-- may be filed by enterprises in different regions; with the details kept only on the shared `person` row,
-- each filing rewrote what the others had filed and showed them what the others filed later. `person` stays
-- the link between filings of one ID number; each appointment now keeps the details it was filed with.
ALTER TABLE appointment ADD COLUMN person_name TEXT;
ALTER TABLE appointment ADD COLUMN person_phone TEXT;
ALTER TABLE appointment ADD COLUMN person_email TEXT;

UPDATE appointment
SET person_name  = (SELECT name  FROM person WHERE person.id = appointment.person_id),
    person_phone = (SELECT phone FROM person WHERE person.id = appointment.person_id),
    person_email = (SELECT email FROM person WHERE person.id = appointment.person_id);
