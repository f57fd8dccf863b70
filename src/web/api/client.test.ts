import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  ApiError,
  deleteJson,
  getJson,
  isApiErrorBody,
  parseWith,
  postFile,
  postJson,
} from "./client";

function answer(status: number, body?: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

function stubFetch(response: Response) {
  const fetchMock = vi.fn(async (_path: string, _init: RequestInit) => response);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("the API client", () => {
  it("sends the CSRF token on a change, as JSON", async () => {
    const fetchMock = stubFetch(answer(201, { id: 1 }));
    expect(await postJson("/api/x", { a: 1 }, { csrfToken: "tok" })).toEqual({ id: 1 });
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe("/api/x");
    expect(init?.method).toBe("POST");
    expect(init?.body).toBe('{"a":1}');
    expect(init?.headers).toMatchObject({
      "x-csrf-token": "tok",
      "Content-Type": "application/json",
    });
  });

  it("sends a file as the body itself, with its own content type and the CSRF token", async () => {
    const fetchMock = stubFetch(answer(201, { documents: [] }));
    const file = new Blob(["%PDF-1.4"], { type: "application/pdf" });
    expect(await postFile("/api/files", file, "application/pdf", { csrfToken: "tok" })).toEqual({
      documents: [],
    });
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(init?.method).toBe("POST");
    expect(init?.body).toBe(file);
    expect(init?.headers).toMatchObject({
      "x-csrf-token": "tok",
      "Content-Type": "application/pdf",
    });
  });

  it("does not send the token with a GET", async () => {
    const fetchMock = stubFetch(answer(200, {}));
    await getJson("/api/x", { csrfToken: "tok" });
    expect(fetchMock.mock.calls[0]?.[1].headers).not.toHaveProperty("x-csrf-token");
  });

  it("resolves 204 No Content to undefined", async () => {
    stubFetch(answer(204));
    expect(await deleteJson("/api/x/1", { csrfToken: "tok" })).toBeUndefined();
  });

  it("turns the server's error body into an ApiError with its fields and request id", async () => {
    stubFetch(
      answer(400, {
        error: {
          code: "validation_failed",
          message: "Några uppgifter behöver rättas.",
          fields: { code: "Ange de sex siffrorna från appen." },
          requestId: "abc",
        },
      }),
    );
    const error = await postJson("/api/auth/mfa", { code: "1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "validation_failed",
      fields: { code: "Ange de sex siffrorna från appen." },
      requestId: "abc",
      fromServer: true,
    });
  });

  it("reports a network failure as network_error", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("failed"))),
    );
    await expect(getJson("/api/x")).rejects.toMatchObject({ code: "network_error", status: 0 });
  });

  it("checks answers against a schema", () => {
    const schema = z.object({ id: z.string() });
    expect(parseWith(schema, { id: "a" })).toEqual({ id: "a" });
    expect(() => parseWith(schema, { id: 1 })).toThrow(ApiError);
  });

  it("recognises only well-formed error bodies", () => {
    expect(isApiErrorBody({ error: { code: "x", message: "y", fields: {} } })).toBe(true);
    expect(isApiErrorBody({ error: { code: "x" } })).toBe(false);
    expect(isApiErrorBody({ error: { code: "x", message: "y", fields: { a: 1 } } })).toBe(false);
    expect(isApiErrorBody("<html>")).toBe(false);
  });
});
