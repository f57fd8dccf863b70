-- Frid 0060 (issue 17, item 4): competence-needs surveys. A unit (typically the county
-- resource function) asks school principals and IFO managers which topics they need
-- competence in, through personal links that need no account.
--
-- Who sees what (docs/security.md, "Competence-needs surveys"):
-- * A survey is made and read by the consultants and managers of its unit; nobody else.
-- * A respondent is a label ("Rektor, Norra skolan"), a group and an optional e-mail. The link
--   is a random token of 256 bits; only its SHA-256 is stored (as for sessions), with the
--   link's expiry (the end of the survey's closing day).
-- * An answer names its survey and the respondent's group, never the respondent, and carries
--   no time of its own: staff read counts, and which respondents have answered, never what
--   one of them answered.
-- * Nobody without an account reaches these tables: the survey page and the answer go
--   through the two functions at the end, which take the token's hash and nothing else.

create table survey (
  id                 uuid primary key,
  org_id             uuid not null references organisation (id),
  unit_id            uuid not null references unit (id),
  title              text not null check (length(trim(title)) between 1 and 200),
  intro              text not null default '' check (length(intro) <= 4000),
  -- the multiple-choice question over the topics ("Vilka kompetensbehov har verksamheten?")
  question           text not null check (length(trim(question)) between 1 and 500),
  -- the optional free-text question (the form warns that answers must hold no personal data)
  free_text_question text check (free_text_question is null
                                 or length(trim(free_text_question)) between 1 and 500),
  -- respondent groups ("Rektorer", "IFO-chefer"): each respondent and answer names one
  groups             text[] not null check (cardinality(groups) between 1 and 10),
  closes_on          date not null,
  state              text not null default 'draft' check (state in ('draft', 'open', 'closed')),
  opened_at          timestamptz,
  closed_at          timestamptz,
  created_by         uuid not null references app_user (id),
  created_at         timestamptz not null default now(),
  constraint survey_state_times check (
    (state = 'draft' and opened_at is null and closed_at is null)
    or (state = 'open' and opened_at is not null and closed_at is null)
    or (state = 'closed' and opened_at is not null and closed_at is not null))
);
create index survey_unit on survey (unit_id, created_at desc, id desc);

-- The topics to choose from, in the order shown. `no_need` marks "Verksamheten har ej behov":
-- chosen alone or not at all.
create table survey_topic (
  id        uuid primary key,
  org_id    uuid not null references organisation (id),
  survey_id uuid not null references survey (id),
  position  integer not null check (position between 1 and 100),
  label     text not null check (length(trim(label)) between 1 and 200),
  no_need   boolean not null default false,
  unique (survey_id, position),
  unique (survey_id, label)
);

create table survey_respondent (
  id              uuid primary key,
  org_id          uuid not null references organisation (id),
  survey_id       uuid not null references survey (id),
  label           text not null check (length(trim(label)) between 1 and 200),
  group_label     text not null check (length(trim(group_label)) between 1 and 100),
  email           text check (email is null or length(email) between 3 and 254),
  -- SHA-256 (hex) of the link's token; null until the survey opens
  token_hash      text unique check (token_hash is null or token_hash ~ '^[0-9a-f]{64}$'),
  link_expires_at timestamptz,
  link_issued_at  timestamptz,
  answered_at     timestamptz,
  created_at      timestamptz not null default now(),
  constraint survey_respondent_link check ((token_hash is null) = (link_expires_at is null)
                                           and (token_hash is null) = (link_issued_at is null)),
  constraint survey_respondent_answered check (answered_at is null or token_hash is not null)
);
create index survey_respondent_survey on survey_respondent (survey_id, created_at, id);

-- One answer: its survey and group, and what was chosen. No respondent, no time.
create table survey_answer (
  id          uuid primary key,
  org_id      uuid not null references organisation (id),
  survey_id   uuid not null references survey (id),
  group_label text not null,
  free_text   text check (free_text is null or length(trim(free_text)) between 1 and 2000)
);
create index survey_answer_survey on survey_answer (survey_id, group_label);

create table survey_answer_topic (
  answer_id uuid not null references survey_answer (id),
  topic_id  uuid not null references survey_topic (id),
  org_id    uuid not null references organisation (id),
  primary key (answer_id, topic_id)
);
create index survey_answer_topic_topic on survey_answer_topic (topic_id);

-- Makes and reads the unit's surveys: its consultants and managers.
create function frid_makes_surveys(p_unit uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select frid_has_unit_role(p_unit, array['consultant', 'unit_manager'])
$$;

create function frid_can_see_survey(p_survey uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from survey s
                 where s.id = p_survey and s.org_id = frid_org() and frid_makes_surveys(s.unit_id))
$$;

alter function frid_can_see_survey(uuid) cost 10;
grant execute on function frid_makes_surveys(uuid), frid_can_see_survey(uuid) to frid_app;

grant select, insert, update on survey, survey_respondent to frid_app;
grant select, insert, delete on survey_topic to frid_app;
grant delete on survey_respondent to frid_app;
-- answers are written only by frid_survey_answer below; staff read them to count
grant select on survey_answer, survey_answer_topic to frid_app;

alter table survey enable row level security;
create policy survey_select on survey for select to frid_app
  using (org_id = frid_org() and frid_makes_surveys(unit_id));
create policy survey_insert on survey for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_makes_surveys(unit_id));
create policy survey_update on survey for update to frid_app
  using (org_id = frid_org() and frid_makes_surveys(unit_id))
  with check (org_id = frid_org() and frid_makes_surveys(unit_id));

alter table survey_topic enable row level security;
create policy survey_topic_select on survey_topic for select to frid_app
  using (org_id = frid_org() and frid_can_see_survey(survey_id));
create policy survey_topic_insert on survey_topic for insert to frid_app
  with check (org_id = frid_org() and frid_can_see_survey(survey_id));
create policy survey_topic_delete on survey_topic for delete to frid_app
  using (org_id = frid_org() and frid_can_see_survey(survey_id));

alter table survey_respondent enable row level security;
create policy survey_respondent_select on survey_respondent for select to frid_app
  using (org_id = frid_org() and frid_can_see_survey(survey_id));
create policy survey_respondent_insert on survey_respondent for insert to frid_app
  with check (org_id = frid_org() and frid_can_see_survey(survey_id));
create policy survey_respondent_update on survey_respondent for update to frid_app
  using (org_id = frid_org() and frid_can_see_survey(survey_id));
-- removed only before it has answered
create policy survey_respondent_delete on survey_respondent for delete to frid_app
  using (org_id = frid_org() and frid_can_see_survey(survey_id) and answered_at is null);

alter table survey_answer enable row level security;
create policy survey_answer_select on survey_answer for select to frid_app
  using (org_id = frid_org() and frid_can_see_survey(survey_id));

alter table survey_answer_topic enable row level security;
create policy survey_answer_topic_select on survey_answer_topic for select to frid_app
  using (org_id = frid_org()
         and exists (select 1 from survey_answer a where a.id = answer_id));

-- The survey a link opens, as the respondent may see it: title, introduction, questions and
-- topics, the closing day — nothing else (no respondents, no answers, no staff). Null for an
-- unknown, used or expired link and for a survey that is not open: the caller cannot tell which.
create function frid_survey_by_link(p_hash text) returns jsonb
language sql stable security definer set search_path = public as $$
  select jsonb_build_object(
           'title', s.title, 'intro', s.intro, 'question', s.question,
           'freeTextQuestion', s.free_text_question, 'closesOn', s.closes_on::text,
           'topics', (select jsonb_agg(jsonb_build_object('id', t.id, 'label', t.label,
                                                          'noNeed', t.no_need)
                                       order by t.position)
                        from survey_topic t where t.survey_id = s.id))
    from survey_respondent r join survey s on s.id = r.survey_id
   where r.token_hash = p_hash and r.answered_at is null and r.link_expires_at > now()
     and s.state = 'open'
$$;

-- Records the one answer a link may give: claims the link (answered_at; a second claim finds
-- it taken, also when two arrive at once: the row lock makes the second wait and see it),
-- then writes the answer under the respondent's group only. Answers 'answered', 'used' (the
-- link is valid but has answered) or 'not_found' (unknown, expired, survey not open).
-- The topics are the caller's to check first (they must be the survey's: see the service).
create function frid_survey_answer(p_hash text, p_topics uuid[], p_free_text text) returns text
language plpgsql volatile security definer set search_path = public as $$
declare
  v_survey uuid;
  v_org uuid;
  v_group text;
  v_answer uuid := gen_random_uuid();
begin
  update survey_respondent r set answered_at = now()
    from survey s
   where r.token_hash = p_hash and r.answered_at is null and r.link_expires_at > now()
     and s.id = r.survey_id and s.state = 'open'
  returning r.survey_id, r.org_id, r.group_label into v_survey, v_org, v_group;
  if v_survey is null then
    if exists (select 1 from survey_respondent r join survey s on s.id = r.survey_id
                where r.token_hash = p_hash and r.answered_at is not null
                  and r.link_expires_at > now() and s.state = 'open') then
      return 'used';
    end if;
    return 'not_found';
  end if;
  if exists (select 1 from unnest(p_topics) as chosen(id)
              where not exists (select 1 from survey_topic t
                                 where t.id = chosen.id and t.survey_id = v_survey)) then
    raise exception 'a topic of another survey' using errcode = '22023';
  end if;
  insert into survey_answer (id, org_id, survey_id, group_label, free_text)
  values (v_answer, v_org, v_survey, v_group, p_free_text);
  insert into survey_answer_topic (answer_id, topic_id, org_id)
  select distinct v_answer, chosen.id, v_org from unnest(p_topics) as chosen(id);
  return 'answered';
end
$$;

grant execute on function frid_survey_by_link(text), frid_survey_answer(text, uuid[], text)
  to frid_app;
