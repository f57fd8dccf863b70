-- Frid 0078 (issue 19, item 5): crypto-shredding of documents. A document's content is
-- stored sealed (AES-256-GCM) under a record key of its own, kept OUTSIDE the database in the
-- record-key store (FRID_KEY_STORE_DIR, crypto/record-keys.ts; docs/adr/0023): a key kept here
-- would live on in old row versions, the WAL and every backup, and shredding would be a word.
-- content_key_id names the key; it stays after destruction so the key's destruction can be
-- finished and shown. key_destroyed_at is the receipt's "the key is destroyed": set by Frid
-- (owner connection) once the key file is gone. Rows with content_key_id null are documents
-- written before 0078 while Frid seals them at start (modules/documents/content.ts).

alter table document
  add column content_key_id   uuid,
  add column key_destroyed_at timestamptz,
  add constraint document_key_destroyed_check
    check (key_destroyed_at is null or (destroyed_at is not null and content_key_id is not null));

-- Destructions whose key is still to be destroyed (normally none: it goes right after commit).
create index document_key_pending_idx on document (destroyed_at)
  where destroyed_at is not null and content_key_id is not null and key_destroyed_at is null;
