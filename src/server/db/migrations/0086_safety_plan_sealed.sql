-- Frid 0086: a safety plan's measures are sealed at rest (review 19, finding 8; issue 19,
-- item 4). Code words, safe places and emergency numbers are as secret as the contact
-- details sealed in 0077, and every version of a plan is kept: the column becomes text so it
-- can hold one sealed value (f1.<key id>.<…>, db/sealed-columns.ts) per version. Existing
-- versions keep their JSON as plain text, which the application reads as legacy plaintext
-- until the key rotation (npm run keys:rotate) seals them; no reader parses the column in SQL.
alter table safety_plan_version alter column measures type text using measures::text;
