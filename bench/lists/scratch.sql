-- A large scratch organisation for measuring the lists (issue 14, item 5 and 7), made with
-- generate_series: org A with 50,000 cases (10 units, 167 caseworkers with ~300 cases each,
-- a unit manager per unit) and org B, "the rest of the country", with 250,000 cases; 600,000
-- journal entries (a draft in 1 of 40), ~120,000 treatments, 500,000 audit events in org A.
-- Test data only: identity numbers are sequence numbers, names are made up.
set session_replication_role = replica;  -- no triggers while loading
insert into organisation (id, name, kind) values
  ('aaaaaaaa-0000-0000-0000-000000000000', 'Skalkommun A', 'municipality'),
  ('bbbbbbbb-0000-0000-0000-000000000000', 'Resten av landet', 'municipality');
-- units: A 0..9, B 10..34
insert into unit (id, org_id, name, kind)
select ('00000000-0000-4000-8001-' || lpad(to_hex(u), 12, '0'))::uuid,
       case when u < 10 then 'aaaaaaaa-0000-0000-0000-000000000000'::uuid else 'bbbbbbbb-0000-0000-0000-000000000000'::uuid end,
       'Enhet ' || u, 'adult_services'
  from generate_series(0, 34) u;
-- caseworkers: A 0..166, B 167..999; managers 1000..1034 (one per unit)
insert into app_user (id, org_id, username, display_name)
select ('00000000-0000-4000-8002-' || lpad(to_hex(w), 12, '0'))::uuid,
       case when w < 167 or (w >= 1000 and w < 1010) then 'aaaaaaaa-0000-0000-0000-000000000000'::uuid else 'bbbbbbbb-0000-0000-0000-000000000000'::uuid end,
       'user' || w, 'Handläggare ' || w
  from generate_series(0, 1034) w;
insert into role_assignment (org_id, user_id, unit_id, role)
select u.org_id, u.id,
       ('00000000-0000-4000-8001-' || lpad(to_hex(case when w < 167 then w % 10 when w < 1000 then 10 + w % 25 else w - 1000 end), 12, '0'))::uuid,
       case when w >= 1000 then 'unit_manager' else 'caseworker' end
  from generate_series(0, 1034) w
  join app_user u on u.id = ('00000000-0000-4000-8002-' || lpad(to_hex(w), 12, '0'))::uuid;
-- cases 0..49999 in A, 50000..299999 in B; case i's worker: A i % 167, B 167 + i % 833
insert into person (id, org_id, identity_kind, identity_number, given_name, family_name)
select ('00000000-0000-4000-8003-' || lpad(to_hex(i), 12, '0'))::uuid,
       case when i < 50000 then 'aaaaaaaa-0000-0000-0000-000000000000'::uuid else 'bbbbbbbb-0000-0000-0000-000000000000'::uuid end,
       'personal_identity_number', '19' || lpad(i::text, 10, '0'),
       (array['Anna','Maria','Lena','Karin','Sara','Johan','Erik','Lars'])[1 + i % 8],
       (array['Andersson','Johansson','Karlsson','Nilsson','Eriksson','Larsson'])[1 + i % 6]
  from generate_series(0, 299999) i;
insert into "case" (id, org_id, unit_id, person_id, case_type, status, reference, opened_at, opened_by, closed_reason, closed_at)
select ('00000000-0000-4000-8004-' || lpad(to_hex(i), 12, '0'))::uuid,
       case when i < 50000 then 'aaaaaaaa-0000-0000-0000-000000000000'::uuid else 'bbbbbbbb-0000-0000-0000-000000000000'::uuid end,
       ('00000000-0000-4000-8001-' || lpad(to_hex(case when i < 50000 then (i % 167) % 10 else 10 + ((i % 833) + 167) % 25 end), 12, '0'))::uuid,
       ('00000000-0000-4000-8003-' || lpad(to_hex(i), 12, '0'))::uuid,
       case when i % 5 < 2 then 'perpetrator' when i % 5 = 2 then 'child' else 'adult_victim' end,
       (array['intake','preliminary_assessment','investigation','implementation','follow_up','closed','closed','closed'])[1 + i % 8],
       'S-' || i,
       now() - (random() * interval '3650 days'),
       ('00000000-0000-4000-8002-' || lpad(to_hex(case when i < 50000 then i % 167 else 167 + i % 833 end), 12, '0'))::uuid,
       case when i % 8 >= 5 then 'goal_reached' end,
       case when i % 8 >= 5 then now() end
  from generate_series(0, 299999) i;
insert into case_assignment (org_id, case_id, user_id, assigned_by, assigned_at)
select c.org_id, c.id, c.opened_by, c.opened_by, c.opened_at from "case" c;
insert into journal_entry (id, org_id, case_id, author_id, entry_type, occurred_at, written_at, body, signed_at)
select gen_random_uuid(), c.org_id, c.id, c.opened_by, 'conversation', c.opened_at + j * interval '1 day',
       c.opened_at + j * interval '1 day', 'Samtal ' || j,
       case when (hashtext(c.id::text) + j) % 40 = 0 then null else c.opened_at + j * interval '1 day' end
  from "case" c, generate_series(1, 2) j;
insert into treatment (case_id, org_id, referral_source, referred_on, phase, started_on, ended_on, end_kind,
                       ended_by, end_reason, partner_info_given_on, recorded_by)
select c.id, c.org_id, (array['self','social_services','police_probation'])[1 + abs(hashtext(c.id::text)) % 3],
       c.opened_at::date,
       case when c.status = 'closed' then 'ended' else 'treatment' end,
       c.opened_at::date + 10,
       case when c.status = 'closed' then c.opened_at::date + 200 end,
       case when c.status = 'closed' then 'completed' end,
       case when c.status = 'closed' then c.opened_by end,
       case when c.status = 'closed' then 'Klart' end,
       c.opened_at::date + 5, c.opened_by
  from "case" c where c.case_type = 'perpetrator';
insert into audit_event (org_id, occurred_at, actor_user_id, actor_role, unit_id, action, outcome,
                         resource_type, resource_id, person_id, data)
select 'aaaaaaaa-0000-0000-0000-000000000000', now() - (500000 - e) * interval '1 minute',
       ('00000000-0000-4000-8002-' || lpad(to_hex(e % 167), 12, '0'))::uuid, 'caseworker', null,
       'case.read', 'allowed', 'case', ('00000000-0000-4000-8004-' || lpad(to_hex(e % 50000), 12, '0')),
       ('00000000-0000-4000-8003-' || lpad(to_hex(e % 50000), 12, '0'))::uuid, '{}'
  from generate_series(1, 500000) e;
set session_replication_role = origin;
analyze;
