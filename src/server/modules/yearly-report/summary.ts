/**
 * The report's Swedish opening sentences, built from its figures the way Ekerö's committee
 * report words them (seed 003): "Nio personer med 13 medföljande minderåriga barn har varit
 * aktuella för utredning under året. Två av personerna har beviljats boende i akutlägenhet,
 * två personer i skyddat boende respektive annan boendeform genom socialkontoret."
 *
 * Numbers: zero to twelve in words, 13 and up in digits (Språkrådet's rule of thumb, and the
 * seed's own usage: "Nio", "13", "Två"), "en/ett" by the noun's gender.
 *
 * "respektive": we read the seed's "två personer i skyddat boende respektive annan
 * boendeform" as two persons in EACH (two in sheltered housing, two in another form of
 * housing) — the distributive sense of respektive with one number. So the phrase is used only
 * when the two counts are equal; otherwise both are named ("två personer i skyddat boende och
 * tre i annan boendeform"). Outside the unit a hidden count (1–4) reads "färre än fem".
 */

const words = [
  "noll",
  "en",
  "två",
  "tre",
  "fyra",
  "fem",
  "sex",
  "sju",
  "åtta",
  "nio",
  "tio",
  "elva",
  "tolv",
];

/** A count in words or digits; `neuter` for ett-words (barn). null: suppressed. */
export function numberWord(n: number | null, neuter = false): string {
  if (n === null) return "färre än fem";
  if (n === 1) return neuter ? "ett" : "en";
  return n <= 12 ? (words[n] as string) : String(n);
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const persons = (n: number | null) => (n === 1 ? "person" : "personer");

export interface SummaryFigures {
  investigated: number | null;
  children: number | null;
  emergencyFlat: number | null;
  shelteredHousing: number | null;
  otherHousing: number | null;
}

export function summarySentences(f: SummaryFigures): string[] {
  const children =
    f.children === 0 ? "" : ` med ${numberWord(f.children, true)} medföljande minderåriga barn`;
  const were = f.investigated === 1 ? "har varit aktuell" : "har varit aktuella";
  const first = `${capital(numberWord(f.investigated))} ${persons(f.investigated)}${children} ${were} för utredning under året.`;
  return [first, housingSentence(f)];
}

function housingSentence(f: SummaryFigures): string {
  const flat =
    f.emergencyFlat === 0
      ? "Ingen av personerna har beviljats boende i akutlägenhet"
      : `${capital(numberWord(f.emergencyFlat))} av personerna har beviljats boende i akutlägenhet`;
  const sh = f.shelteredHousing;
  const oh = f.otherHousing;
  const rest =
    sh !== null && sh === oh
      ? `${numberWord(sh)} ${persons(sh)} i skyddat boende respektive annan boendeform`
      : `${numberWord(sh)} ${persons(sh)} i skyddat boende och ${numberWord(oh)} i annan boendeform`;
  return `${flat}, ${rest} genom socialkontoret.`;
}
