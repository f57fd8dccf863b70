import {
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from "@simplewebauthn/browser";
import { ApiError } from "../../api/client";

/*
 * The browser's part of a key (ADR 0029): @simplewebauthn/browser turns the server's options
 * into navigator.credentials calls and the answer into JSON. A key that is cancelled, times
 * out or is not there fails in the browser, not on the server: that failure becomes an error
 * the forms show like a server's, with the catalogue text `message`.
 */
function asFormError(message: string) {
  return new ApiError(0, "key_not_used", message, {}, undefined, true);
}

export async function createKey(options: unknown, message: string) {
  try {
    return await startRegistration({
      optionsJSON: options as PublicKeyCredentialCreationOptionsJSON,
    });
  } catch {
    throw asFormError(message);
  }
}

export async function signWithKey(options: unknown, message: string) {
  try {
    return await startAuthentication({
      optionsJSON: options as PublicKeyCredentialRequestOptionsJSON,
    });
  } catch {
    throw asFormError(message);
  }
}
