-- Frid 0082 (issue 19, item 4): one-time maintenance tasks that start-up runs until done.
-- The first is sealing contact details stored in plaintext — by an installation from before
-- 0077, or by the demo seed, which writes its fictional rows plainly and leaves the sealing
-- to this one pass (db/key-rotation.ts sealPlaintext). A row here says the task is done, so
-- a later start does not scan every sealed column again. Owner only, like data_key.
create table maintenance_task (
  task     text primary key check (length(task) between 1 and 100),
  done_at  timestamptz not null default now(),
  detail   jsonb not null default '{}'::jsonb
);
alter table maintenance_task enable row level security;
revoke all on maintenance_task from public;
