-- The lawful basis of every person kept, with the day it was recorded (GDPR art. 30):
-- consultants gain a basis (a contract with the DLA, by default); contacts and
-- consultants gain its date, taken from their record's creation for those already there.
ALTER TABLE consultants ADD COLUMN lawful_basis TEXT NOT NULL DEFAULT 'contract';
ALTER TABLE consultants ADD COLUMN lawful_basis_since TEXT;
UPDATE consultants SET lawful_basis_since = substr(created_at, 1, 10);
ALTER TABLE contacts ADD COLUMN lawful_basis_since TEXT;
UPDATE contacts SET lawful_basis_since =
    (SELECT substr(s.created_at, 1, 10) FROM structures s WHERE s.id = contacts.structure_id);
