-- Frid 0076 (issue 19, items 2 and 3): reveal with a reason, and the protection officer
-- (skyddshandläggare).
--
-- A protected person's address and contact details are masked on her page; a worker of one of
-- her cases sees them only after stating a reason, for a few minutes (person_reveal: one row
-- per reveal, its reason and when it ends). Her protection officer — an officer of a unit that
-- holds one of her cases — sees every reveal of her.
--
-- The protection officer is consulted, on the record, before her protection level is lowered
-- and before anything about her is disclosed (protection_consultation). The routine for mail
-- and payments is a checklist on each of her cases (protection_checklist: the items done).

-- Whether the actor is a protection officer of a unit holding one of the person's cases, and
-- not barred from her (an officer who worked the other side of a barrier never sees her).
create function frid_is_protection_officer_for(p_person uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from "case" c
                  where c.person_id = p_person and c.org_id = frid_org()
                    and frid_has_unit_role(c.unit_id, array['protection_officer']))
     and not frid_person_barred(p_person, frid_actor())
$$;

-- Whether the actor is a protection officer of the case's unit who may record a consultation
-- about this person in it: the case's own person, or a relative named in the case.
create function frid_officer_of_case(p_case uuid, p_person uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from "case" c
                  where c.id = p_case and c.org_id = frid_org()
                    and frid_has_unit_role(c.unit_id, array['protection_officer'])
                    and not frid_person_barred(c.person_id, frid_actor())
                    and (c.person_id = p_person
                         or exists (select 1 from relation r
                                     where r.case_id = c.id and r.other_person_id = p_person)))
$$;

create table person_reveal (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references organisation (id),
  person_id    uuid not null references person (id),
  user_id      uuid not null references app_user (id),
  -- the unit of the case through which the worker saw her
  unit_id      uuid not null references unit (id),
  reason_code  text not null check (reason_code in
                 ('send_decision_via_skatteverket', 'safety_contact', 'payment', 'other')),
  reason_text  text check (reason_text is null or length(reason_text) between 1 and 500),
  revealed_at  timestamptz not null default now(),
  expires_at   timestamptz not null,
  check (expires_at > revealed_at),
  -- "other" says what the reason was
  check (reason_code <> 'other' or reason_text is not null)
);
create index person_reveal_person on person_reveal (org_id, person_id, revealed_at desc);
create index person_reveal_user on person_reveal (user_id, person_id, expires_at desc);

alter table person_reveal enable row level security;
create policy person_reveal_select on person_reveal for select to frid_app
  using (org_id = frid_org()
         and (user_id = frid_actor() or frid_is_protection_officer_for(person_id)));
-- Only for oneself, about a person one sees a case of (the service checks it too).
create policy person_reveal_insert on person_reveal for insert to frid_app
  with check (org_id = frid_org() and user_id = frid_actor()
              and exists (select 1 from "case" c where c.person_id = person_reveal.person_id));
grant select, insert on person_reveal to frid_app;

create table protection_consultation (
  id            uuid primary key default gen_random_uuid(),
  org_id        uuid not null references organisation (id),
  person_id     uuid not null references person (id),
  case_id       uuid not null references "case" (id),
  officer_id    uuid not null references app_user (id),
  kind          text not null check (kind in ('lower_protection', 'disclosure')),
  -- agreed: the officer has checked and agrees; advised_against: the step must not be taken
  outcome       text not null check (outcome in ('agreed', 'advised_against')),
  note          text not null check (length(note) between 1 and 2000),
  consulted_at  timestamptz not null default now()
);
create index protection_consultation_person
  on protection_consultation (org_id, person_id, kind, consulted_at desc);

alter table protection_consultation enable row level security;
create policy protection_consultation_select on protection_consultation for select to frid_app
  using (org_id = frid_org()
         and (officer_id = frid_actor()
              or frid_is_protection_officer_for(person_id)
              or frid_can_see_case(case_id)
              or exists (select 1 from "case" c
                          where c.person_id = protection_consultation.person_id)));
create policy protection_consultation_insert on protection_consultation for insert to frid_app
  with check (org_id = frid_org() and officer_id = frid_actor()
              and frid_officer_of_case(case_id, person_id));
grant select, insert on protection_consultation to frid_app;

create table protection_checklist (
  org_id    uuid not null references organisation (id),
  case_id   uuid not null references "case" (id),
  item      text not null check (item in
              ('mail_via_skatteverket', 'payments_without_address', 'records_marked',
               'files_locked', 'contacts_informed')),
  done_by   uuid not null references app_user (id),
  done_at   timestamptz not null default now(),
  primary key (case_id, item)
);

alter table protection_checklist enable row level security;
create policy protection_checklist_select on protection_checklist for select to frid_app
  using (frid_can_see_case(case_id));
create policy protection_checklist_insert on protection_checklist for insert to frid_app
  with check (org_id = frid_org() and done_by = frid_actor() and frid_can_see_case(case_id));
create policy protection_checklist_delete on protection_checklist for delete to frid_app
  using (frid_can_see_case(case_id));
grant select, insert, delete on protection_checklist to frid_app;

-- The protected persons of a unit, for its protection officer: one row per case of hers in
-- the unit (her name as stored: the application withholds a fictitious identity's). Nobody
-- else gets a row, and no person the officer is barred from.
create function frid_protected_persons(p_unit uuid)
returns table (person_id uuid, given_name text, family_name text, identity_kind text,
               identity_number text, protection_level text, case_id uuid, reference text,
               case_status text)
language sql stable security definer set search_path = public as $$
  select p.id, p.given_name, p.family_name, p.identity_kind, p.identity_number, p.protection_level,
         c.id, c.reference, c.status
    from "case" c
    join person p on p.id = c.person_id
   where c.unit_id = p_unit and c.org_id = frid_org()
     and p.protection_level <> 'none'
     and frid_has_unit_role(p_unit, array['protection_officer'])
     and not frid_person_barred(p.id, frid_actor())
   order by p.family_name, p.given_name, p.id, c.opened_at desc
$$;

grant execute on function frid_is_protection_officer_for(uuid), frid_officer_of_case(uuid, uuid),
  frid_protected_persons(uuid) to frid_app;
