import { describe, expect, it } from "vitest";
import { sv } from "../../i18n/sv";
import type { ChildWork } from "./api";
import {
  agencyLabels,
  crimeLabels,
  examLabels,
  reporterLabels,
  workForms,
} from "./child-work-model";

const work = (changes: Partial<ChildWork>): ChildWork => ({
  id: "00000000-0000-4000-8000-000000000001",
  anchor: { kind: "course", courseId: "00000000-0000-4000-8000-000000000002" },
  childName: null,
  unitName: "Kriscentrum",
  openedOn: "2026-01-01",
  closedOn: null,
  mayChange: true,
  series: [],
  policeReports: [],
  medicalExams: [],
  consultations: [],
  ...changes,
});
const series = (endedOn: string | null): ChildWork["series"][number] => ({
  id: "00000000-0000-4000-8000-000000000003",
  model: "trappan",
  plannedTalks: 3,
  startedOn: "2026-01-02",
  endedOn,
  worker: "Behandlare",
  talks: [],
  nextNumber: 1,
});

describe("the children's crisis centre's page model", () => {
  it("names every code in the catalogue", () => {
    for (const labels of [crimeLabels, reporterLabels, examLabels, agencyLabels])
      for (const key of Object.values(labels)) expect(sv[key], key).toBeTruthy();
  });

  it("offers a talk only in a series going, and a new series only when none is", () => {
    expect(workForms(work({}))).toEqual({
      newSeries: true,
      talk: false,
      records: true,
      close: true,
    });
    expect(workForms(work({ series: [series(null)] }))).toMatchObject({
      newSeries: false,
      talk: true,
    });
    expect(workForms(work({ series: [series("2026-02-01")] }))).toMatchObject({
      newSeries: true,
      talk: false,
    });
  });

  it("offers nothing on a work the reader may not change", () => {
    expect(workForms(work({ mayChange: false, series: [series(null)] }))).toEqual({
      newSeries: false,
      talk: false,
      records: false,
      close: false,
    });
  });
});
