-- Frid 0030 (issue 12, item 3): one audit event per list request, naming every person and
-- case it showed. A work-list read used to write one event per row (968 for one read); now
-- the persons and cases shown are arrays in that one event. person_id stays for events
-- about one person (a case read); list events leave it null unless the list belongs to one
-- case (a case's relatives: the case's person). docs/adr/0003-audit-list-events.md.
alter table audit_event add column person_ids uuid[], add column case_ids uuid[];

-- The person's log review finds her in list events through this index
-- (person_ids @> array[her id]); only list events carry the array.
create index audit_event_person_ids_idx on audit_event using gin (person_ids)
  where person_ids is not null;
