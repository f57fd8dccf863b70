/**
 * The four risk levels Frid's own risk instruments judge on, and how soon each wants a new
 * assessment: three months, one month at the top two levels. (An imported instrument brings
 * its own.)
 */
export const riskJudgement = {
  levels: [
    { value: "low", label: "Låg" },
    { value: "medium", label: "Medel" },
    { value: "high", label: "Hög" },
    { value: "very_high", label: "Mycket hög" },
  ],
  reasonsRequired: true,
};
export const riskReassessment = {
  reassessMonths: 3,
  reassessMonthsAtLevel: { high: 1, very_high: 1 },
};
