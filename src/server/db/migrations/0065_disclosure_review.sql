-- Frid 0065: what the secrecy review of a disclosure must show (issue 18, items 3–4). The
-- person's protection level when the information left (sekretessmarkering, skyddad
-- folkbokföring, fingerade personuppgifter): a protected person's disclosure is made only
-- once the reviewer has confirmed that the review weighed it, and the document sent then never
-- carries her address or contact details. Whether the document names her identity number, and
-- (for a person without protection) her address and contact details, is the reviewer's
-- choice, kept with the record: the information needs them, or it does not.
alter table disclosure
  add column person_protection text not null default 'none' check (person_protection in
    ('none', 'confidentiality_marking', 'protected_registration', 'fictitious_identity')),
  add column protection_considered boolean not null default false,
  add column identity_number_included boolean not null default false,
  add column contact_details_included boolean not null default false,
  add constraint disclosure_protection_reviewed check (
    person_protection = 'none' or protection_considered),
  add constraint disclosure_protected_never_located check (
    person_protection = 'none' or not contact_details_included),
  add constraint disclosure_fictitious_never_identified check (
    person_protection <> 'fictitious_identity' or not identity_number_included);
