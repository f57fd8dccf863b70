import type { IdentifierKind } from "../../../shared/api/identity-providers";
import type { PlainMessageKey } from "../../i18n/messages";

/** Level of assurance 3 of the Swedish eID framework: what SITHS, Freja eID and BankID give. */
export const loa3 = "http://id.elegnamnden.se/loa/1.0/loa3";

export const identifierKindLabels: Record<IdentifierKind, PlainMessageKey> = {
  hsa_id: "identifierKind.hsa_id",
  personal_identity_number: "identifierKind.personal_identity_number",
  email: "identifierKind.email",
  sub: "identifierKind.sub",
};
