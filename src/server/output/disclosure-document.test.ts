import { describe, expect, it } from "vitest";
import type { ProtectionLevel } from "../db/types.ts";
import { pdfWords } from "../testing/pdf.ts";
import { renderDisclosureDocument } from "./disclosure-document.ts";

const render = (protection: ProtectionLevel) =>
  renderDisclosureDocument({
    organisation: "Demo kommun",
    unit: "Vuxenenheten",
    reference: "VUX-2026-0042",
    groundText: "samtycke lämnat 2026-11-01",
    recipient: { agency: "Vårdcentralen Demo", unit: null, name: null },
    channel: "secure_email",
    person: {
      name: "Sara Exempel",
      identityNumber: "19800101-0000",
      protection,
      postalAddress: "Hemliga vägen 7, 123 45 Demostad",
      phone: "070-000 00 00",
      email: null,
    },
    includeIdentityNumber: false,
    includeContactDetails: true,
    information: "Senaste riskbedömningen.",
    disclosedOn: "2026-12-05",
    reviewedBy: "Handläggare Fiktiv",
  }).then(pdfWords);

describe("the disclosure document", () => {
  it("is headed as secrecy-reviewed and names the case's reference", async () => {
    const text = await render("none");
    expect(text).toContain("SEKRETESSPRÖVAD UPPGIFT — utlämnad enligt samtycke lämnat 2026-11-01");
    expect(text).toContain("Diarienummer: VUX-2026-0042");
  });

  it("under a fictitious identity ties nothing to the real file: no reference, no name, no address", async () => {
    const text = await render("fictitious_identity");
    for (const hidden of ["VUX-2026-0042", "Sara Exempel", "Hemliga vägen", "070-000"])
      expect(text).not.toContain(hidden);
    expect(text).toContain("SEKRETESSPRÖVAD UPPGIFT");
  });
});
