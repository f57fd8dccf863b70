import { statSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FolderKeyStore,
  keyStoreProblem,
  openRecordBytes,
  openRecordText,
  sealRecordBytes,
  sealRecordText,
  temporaryKeyStore,
} from "./record-keys.ts";

describe("the record-key folder", () => {
  let dir: string;
  let store: FolderKeyStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "frid-record-keys-test-"));
    store = new FolderKeyStore(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("keeps one private file per key, and destroying it leaves nothing behind", async () => {
    const id = await store.create();
    const key = await store.key(id);
    expect(key).toHaveLength(32);
    expect(await readdir(dir)).toEqual([`${id}.key`]);
    expect(statSync(join(dir, `${id}.key`)).mode & 0o777).toBe(0o600);
    const other = await store.create();
    expect((await store.key(other))?.equals(key as Buffer)).toBe(false);
    await store.destroy(id);
    expect(await store.key(id)).toBeNull();
    expect(await readdir(dir)).toEqual([`${other}.key`]);
    // Destroying again is no error: a sweep may meet a key already gone.
    await expect(store.destroy(id)).resolves.toBeUndefined();
  });

  it("takes only uuids as ids: no path can be smuggled into the folder", async () => {
    for (const bad of ["../etc/passwd", "a/b", "", "x".repeat(36)]) {
      await expect(store.key(bad)).rejects.toThrow(/record key id is a uuid/);
      await expect(store.destroy(bad)).rejects.toThrow(/record key id is a uuid/);
    }
  });

  it("says why a configured folder cannot be used", async () => {
    expect(await keyStoreProblem(dir)).toBeNull();
    expect(await keyStoreProblem(join(dir, "missing"))).toMatch(/does not exist$/);
    const id = await store.create();
    expect(await keyStoreProblem(join(dir, `${id}.key`))).toMatch(/is not a folder$/);
  });
});

describe("sealing a record under its key", () => {
  const key = Buffer.alloc(32, 7);
  const id = "00000000-0000-4000-8000-000000000001";

  it("opens only with the same key, key id and place", () => {
    const box = sealRecordBytes(key, id, Buffer.from("%PDF-1.4 blankett"), "document.content:a");
    expect(box.includes(Buffer.from("blankett"))).toBe(false);
    expect(openRecordBytes(key, id, box, "document.content:a").toString()).toBe(
      "%PDF-1.4 blankett",
    );
    expect(() => openRecordBytes(key, id, box, "document.content:b")).toThrow(/does not open/);
    expect(() => openRecordBytes(Buffer.alloc(32, 8), id, box, "document.content:a")).toThrow(
      /does not open/,
    );
  });

  it("seals text (the seam for journal narratives) and refuses plaintext in its place", () => {
    const sealed = sealRecordText(key, id, "Hon berättade om natten.", "journal_entry.body:x");
    expect(sealed).not.toContain("natten");
    expect(openRecordText(key, id, sealed, "journal_entry.body:x")).toBe(
      "Hon berättade om natten.",
    );
    expect(() => openRecordText(key, id, sealed, "journal_entry.body:y")).toThrow();
    expect(() => openRecordText(key, id, "Hon berättade", "journal_entry.body:x")).toThrow(
      /stored as plaintext/,
    );
  });
});

describe("the temporary store of tests and scratch databases", () => {
  it("makes its folder at the first key and removes it when closed", async () => {
    const store = temporaryKeyStore();
    expect(await store.key("00000000-0000-4000-8000-000000000001")).toBeNull();
    const id = await store.create();
    const folder = store.location;
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(await store.key(id)).toHaveLength(32);
    await store.close?.();
    expect(() => statSync(folder)).toThrow();
  });
});
