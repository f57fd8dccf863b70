-- Frid 0077 (issue 19, item 4): contact details are stored sealed by the application
-- (src/server/crypto, ADR 0022): `f1.<keyId>.<base64url>` text under the organisation's data
-- key, bound to the table, column, organisation and row. The database can no longer check
-- what such a column holds, so the checks on its content move to the Zod schemas in
-- shared/api (they were there already, with the same limits) and leave the table here. No
-- policy, view or function reads any of these columns (access-rules.snapshot.sql), and nothing
-- searches or sorts by them.
--
-- Rows written before this migration keep their plaintext until `npm run keys:rotate` seals
-- them (or the server's start-up backfill does); reading passes plaintext through meanwhile.

-- place_address (0050): the shelter's address
alter table place_address drop constraint if exists place_address_street_check;
alter table place_address drop constraint if exists place_address_postal_code_check;
alter table place_address drop constraint if exists place_address_city_check;
alter table place_address drop constraint if exists place_address_directions_check;

-- intake (0049): who reported, how to reach them
alter table intake drop constraint if exists intake_reporter_phone_check;
alter table intake drop constraint if exists intake_reporter_email_check;

-- stay (0050): where she went after the stay; stay_member: the child's school
alter table stay drop constraint if exists stay_went_to_check;
alter table stay_member drop constraint if exists stay_member_school_name_check;

-- person (0006): the safe-contact instructions (code word, letter address, notes and the
-- flags) become one sealed JSON text. Nothing reads them with jsonb operators; the flags that
-- decide how a letter goes are read in TypeScript after opening (output/delivery.ts).
alter table person alter column safe_contact drop default;
alter table person alter column safe_contact type text using safe_contact::text;
alter table person alter column safe_contact set default '{}';
