import { describe, expect, it } from "vitest";
import { relationKinds } from "../../shared/api/cases";
import { intakeChannels, intakeKinds, intakeSources } from "../../shared/api/intake";
import { journalEntryTypes } from "../../shared/api/journal";
import { caseStatuses, closedReasons } from "../../shared/case-status";
import { en } from "./en";
import {
  auditActionLabel,
  auditActions,
  caseStatusActionLabels,
  caseStatusLabel,
  caseTypeLabel,
  closedReasonLabel,
  intakeChannelLabels,
  intakeKindLabels,
  intakeSourceLabels,
  journalEntryTypeLabel,
  relationKindLabels,
  roleLabel,
} from "./labels";
import type { PlainMessageKey } from "./messages";
import { sv } from "./sv";

const t = (key: PlainMessageKey) => sv[key];

describe("labels for codes from the API", () => {
  it("names audit actions in Swedish", () => {
    expect(auditActionLabel("case.read", t)).toBe("Läste ärende");
    expect(auditActionLabel("person.read", t)).toBe("Läste person");
    expect(auditActionLabel("case.open", t)).toBe("Öppnade ärende");
    expect(auditActionLabel("case.assign", t)).toBe("Tilldelade ärende");
    expect(auditActionLabel("person.search", t)).toBe("Sökte person");
    expect(auditActionLabel("login.succeeded", t)).toBe("Loggade in");
    expect(auditActionLabel("login.failed", t)).toBe("Misslyckad inloggning");
  });

  it("has a Swedish name for every action the server records", () => {
    const unnamed = auditActions.filter((code) => auditActionLabel(code, t) === code);
    expect(unnamed).toEqual([]);
    expect(auditActionLabel("barrier.create", t)).toBe("Satte informationsspärr");
    expect(auditActionLabel("login.mfa_failed", t)).toBe(
      "Misslyckades med andra steget (kod eller nyckel)",
    );
    expect(auditActionLabel("child.protection_assessment", t)).toBe("Gjorde skyddsbedömning");
    expect(auditActionLabel("worklist.read", t)).toBe("Visades i Att göra");
    expect(auditActionLabel("journal.sign", t)).toBe("Signerade journalanteckning");
  });

  it("shows an unknown code as it is, never hiding the entry", () => {
    expect(auditActionLabel("case.teleport", t)).toBe("case.teleport");
    // Not fooled by names every object has.
    expect(auditActionLabel("toString", t)).toBe("toString");
    expect(auditActionLabel("constructor", t)).toBe("constructor");
  });

  it("names roles, case types and statuses, and passes unknown ones through", () => {
    expect(roleLabel("unit_manager", t)).toBe("Enhetschef");
    expect(roleLabel("janitor", t)).toBe("janitor");
    expect(caseTypeLabel("adult_victim", t)).toBe("Våldsutsatt vuxen");
    expect(caseTypeLabel("perpetrator", t)).toBe("Våldsutövare");
    expect(caseStatusLabel("intake", t)).toBe("Aktualisering");
    expect(caseStatusLabel("follow_up", t)).toBe("Uppföljning");
    expect(caseStatusLabel("paused", t)).toBe("paused");
  });
});

describe("the case's status flow", () => {
  it("names every status and closing reason in Swedish", () => {
    expect(caseStatuses.map((s) => caseStatusLabel(s, t))).toEqual([
      "Aktualisering",
      "Förhandsbedömning",
      "Utredning",
      "Genomförande",
      "Uppföljning",
      "Avslutat",
    ]);
    expect(closedReasons.map((r) => closedReasonLabel(r, t))).toEqual([
      "Målet uppnått",
      "Ingen utredning inleds",
      "Behoven tillgodoses på annat sätt",
      "Den enskilde avböjer",
      "Flyttat",
      "Annat",
    ]);
    expect(t(caseStatusActionLabels.investigation)).toBe("Till utredning");
    expect(t(caseStatusActionLabels.closed)).toBe("Avsluta ärendet");
  });

  it("names intake sources, channels, kinds and relations", () => {
    expect(intakeSources.map((s) => t(intakeSourceLabels[s]))).toEqual([
      "Den enskilde",
      "Polisen",
      "Hälso- och sjukvården",
      "Skolan",
      "Annan myndighet",
      "Ideell organisation",
      "Anonym",
      "Annan",
    ]);
    expect(intakeChannels.map((c) => t(intakeChannelLabels[c]))).toEqual([
      "Telefon",
      "Besök",
      "Brev",
      "E-post",
      "Digitalt",
      "Annat",
    ]);
    expect(intakeKinds.map((k) => t(intakeKindLabels[k]))).toEqual([
      "Ansökan",
      "Orosanmälan",
      "Begäran om information",
    ]);
    expect(relationKinds.map((k) => t(relationKindLabels[k]))).toEqual([
      "Partner",
      "Tidigare partner",
      "Förälder",
      "Barn",
      "Syskon",
      "Annan närstående",
    ]);
  });
});

describe("journal entry types", () => {
  it("have the Swedish names the social services use", () => {
    expect(journalEntryTypes.map((type) => journalEntryTypeLabel(type, t))).toEqual([
      "Samtal",
      "Hembesök",
      "Telefonsamtal",
      "Möte",
      "Samråd med annan myndighet",
      "Övrigt",
    ]);
  });

  it("are named in English too, and an unknown type is shown as it is", () => {
    const tEn = (key: PlainMessageKey) => en[key];
    expect(journalEntryTypeLabel("home_visit", tEn)).toBe("Home visit");
    expect(journalEntryTypeLabel("seance", t)).toBe("seance");
  });
});
