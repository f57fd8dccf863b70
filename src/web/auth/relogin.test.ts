import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import { createApi } from "../api/endpoints";
import { ReloginGate } from "./relogin";

function answer(status: number, body?: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

const unauthenticated = () =>
  answer(401, { error: { code: "unauthenticated", message: "Du behöver logga in." } });

afterEach(() => vi.unstubAllGlobals());

/**
 * The one place every save passes (createApi's call): a 401 while signed in waits at the
 * gate, and once the same user has logged in again the request is sent again as it was,
 * with the token of the new session.
 */
describe("a request that meets an ended session", () => {
  function setUp() {
    const token = { current: "old-token" };
    const opened = vi.fn();
    const gate = new ReloginGate(opened);
    const api = createApi(
      () => token.current,
      (canWait) => (canWait ? gate.wait() : undefined),
    );
    return { token, gate, api, opened };
  }

  it("waits for the login again and is then sent with the new session's token", async () => {
    const { token, gate, api, opened } = setUp();
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(unauthenticated())
      .mockResolvedValueOnce(answer(204));
    vi.stubGlobal("fetch", fetchMock);

    const saving = api.changePassword("a", "b");
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith(true));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    token.current = "new-token";
    gate.pass();
    await saving;
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const [first, second] = fetchMock.mock.calls.map((c) => c[1] as RequestInit);
    expect(first?.headers).toMatchObject({ "x-csrf-token": "old-token" });
    expect(second?.headers).toMatchObject({ "x-csrf-token": "new-token" });
    expect(second?.body).toBe(first?.body);
  });

  it("lets every waiting request through on one login", async () => {
    const { gate, api, opened } = setUp();
    const fetchMock = vi.fn().mockResolvedValueOnce(unauthenticated());
    fetchMock.mockResolvedValueOnce(unauthenticated());
    fetchMock.mockResolvedValue(answer(204));
    vi.stubGlobal("fetch", fetchMock);
    const both = Promise.all([api.changePassword("a", "b"), api.changePassword("c", "d")]);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(opened).toHaveBeenCalled());
    // Both answers are in before the login: one dialog for both.
    await new Promise((resolve) => setTimeout(resolve, 20));
    gate.pass();
    await both;
    expect(fetchMock).toHaveBeenCalledTimes(4);
    expect(opened.mock.calls).toEqual([[true], [false]]);
  });

  it("fails, and is not sent again, when the login is refused (logged out, or someone else)", async () => {
    const { gate, api } = setUp();
    const fetchMock = vi.fn().mockResolvedValue(unauthenticated());
    vi.stubGlobal("fetch", fetchMock);
    const saving = api.changePassword("a", "b");
    await vi.waitFor(() => expect(gate.open).toBe(true));
    gate.refuse(new ApiError(401, "unauthenticated", "refused"));
    await expect(saving).rejects.toMatchObject({ status: 401 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(gate.open).toBe(false);
  });

  it("does not wait on a login step: a wrong password is the step's own answer", async () => {
    const { gate, api } = setUp();
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        answer(401, { error: { code: "invalid_credentials", message: "Fel användarnamn." } }),
      ),
    );
    await expect(api.login("lina", "fel")).rejects.toMatchObject({ status: 401 });
    await expect(api.verifyMfa("123456")).rejects.toMatchObject({ status: 401 });
    expect(gate.open).toBe(false);
  });
});
