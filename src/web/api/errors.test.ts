import { describe, expect, it } from "vitest";
import type { PlainMessageKey } from "../i18n/messages";
import { sv } from "../i18n/sv";
import { ApiError } from "./client";
import { errorMessage, isNotFound, toFormErrors } from "./errors";

const t = (key: PlainMessageKey) => sv[key];
const tEn = (key: PlainMessageKey) => `en:${key}`;

const validation = new ApiError(
  400,
  "validation_failed",
  "Några uppgifter behöver rättas.",
  {
    identityNumber: "Kontrollsiffran stämmer inte – kontrollera numret.",
    givenName: "Fältet får inte vara tomt.",
    body: "Okänt fält.",
  },
  "req-1",
  true,
);

describe("toFormErrors", () => {
  it("puts each field's message by its field and the rest in the summary", () => {
    const errors = toFormErrors(validation, ["identityNumber", "givenName", "familyName"], t, "sv");
    expect(errors).toEqual({
      message: "Några uppgifter behöver rättas.",
      fields: {
        identityNumber: "Kontrollsiffran stämmer inte – kontrollera numret.",
        givenName: "Fältet får inte vara tomt.",
      },
      other: ["Okänt fält."],
      requestId: null,
    });
  });

  it("offers the request id only for the server's own failures", () => {
    const internal = new ApiError(500, "internal_error", "Ett oväntat fel …", {}, "req-9", true);
    expect(toFormErrors(internal, [], t, "sv").requestId).toBe("req-9");
    expect(toFormErrors(validation, [], t, "sv").requestId).toBeNull();
  });

  it("copes with errors that are not API errors", () => {
    expect(toFormErrors(new Error("bug"), ["x"], t, "sv")).toEqual({
      message: sv["error.unexpected"],
      fields: {},
      other: [],
      requestId: null,
    });
  });
});

describe("errorMessage", () => {
  it("shows the server's Swedish message in the Swedish UI", () => {
    const e = new ApiError(
      401,
      "invalid_credentials",
      "Fel användarnamn eller lösenord.",
      {},
      "r",
      true,
    );
    expect(errorMessage(e, t, "sv")).toBe("Fel användarnamn eller lösenord.");
  });

  it("uses the catalogue's text for a known code in another language", () => {
    const e = new ApiError(429, "too_many_requests", "För många försök.", {}, "r", true);
    expect(errorMessage(e, tEn, "en")).toBe("en:error.tooManyRequests");
  });

  it("falls back to the server's text for an unknown code in another language", () => {
    const e = new ApiError(400, "something_new", "Något nytt.", {}, "r", true);
    expect(errorMessage(e, tEn, "en")).toBe("Något nytt.");
  });

  it("never shows a technical message from a failure that did not come from the server", () => {
    const network = new ApiError(0, "network_error", "The request could not be sent");
    expect(errorMessage(network, t, "sv")).toBe(sv["error.network"]);
    const html = new ApiError(502, "http_error", "HTTP 502 Bad Gateway");
    expect(errorMessage(html, t, "sv")).toBe(sv["error.unexpected"]);
  });
});

describe("isNotFound", () => {
  it("is true for 404 whatever the code", () => {
    expect(isNotFound(new ApiError(404, "not_found", "x"))).toBe(true);
    expect(isNotFound(new ApiError(403, "forbidden", "x"))).toBe(false);
    expect(isNotFound(new Error("x"))).toBe(false);
  });
});
