import { writePdf } from "./pdf.ts";

/**
 * Partner contact's documents (seed 004, bilagor 2 and 4), in Frid's own words, printed with
 * the organisation's and the treatment unit's details: the consent form he signs on paper,
 * the information letter to his (former) partner, and the text message that may go instead.
 * The letter and the text never name him: they are written on her side of the barrier,
 * which does not know his name, and a letter or text can be read by someone else.
 */
export interface Sender {
  organisation: string;
  unit: string;
  phone: string | null;
  address: string | null;
  email: string | null;
}

function contactLines(s: Sender): string[] {
  return [
    s.unit,
    ...(s.phone ? [`Telefon: ${s.phone}`] : []),
    ...(s.email ? [`E-post: ${s.email}`] : []),
    ...(s.address ? [`Adress: ${s.address}`] : []),
  ];
}

/** The two exceptions to secrecy, as both documents state them. */
const secrecyExceptions = [
  "om vi oroar oss för att ett barn far illa – till exempel har upplevt, sett eller själv utsatts för våld – gör vi en orosanmälan till socialtjänsten (anmälningsskyldigheten i socialtjänstlagen);",
  "om vi får veta att ett allvarligt brott planeras får vi lämna uppgifter för att förhindra det (10 kap. 23 § offentlighets- och sekretesslagen och 23 kap. 6 § brottsbalken).",
];

export const consentFormSentences = {
  title: "Samtycke till partnerkontakt",
  consent:
    "Jag samtycker till att mottagningen kontaktar den eller de personer jag kryssat för nedan, med brev, sms eller telefon, och berättar att jag går i behandling här. Kontakten tas av en annan medarbetare än min behandlare.",
  ending:
    "Jag samtycker till att hon eller han får veta om jag uteblir från samtal, avbryter behandlingen eller när behandlingen avslutas.",
  nothingShared:
    "Min behandlare får inte veta vad min partner berättar, och min partner får inte veta vad jag berättar.",
  destroyed:
    "Blanketten förvaras i min akt och förstörs när min behandling avslutas. Jag kan när som helst återkalla samtycket.",
} as const;

export function renderConsentForm(p: {
  sender: Sender;
  name: string;
  identityNumber: string | null;
  printedOn: string;
}): Promise<Buffer> {
  const info = {
    title: consentFormSentences.title,
    author: p.sender.organisation,
    subject: p.name,
  };
  return writePdf(info, ({ doc, text, heading, font }) => {
    font("bold", 14);
    text(p.sender.organisation);
    font("regular", 10);
    for (const line of contactLines(p.sender)) text(line);
    heading(consentFormSentences.title, 16);
    text(`Namn: ${p.name}${p.identityNumber ? `    Personnummer: ${p.identityNumber}` : ""}`);
    heading("Information jag har fått");
    text(
      `Jag har fått information om ${p.sender.unit} och om partnerkontakt: mottagningen erbjuder den som är eller har varit min partner samtal om sin och eventuella barns säkerhet och om stöd för egen del.`,
    );
    heading("Sekretess och anmälningsskyldighet");
    text(
      "Det jag berättar omfattas av sekretess. Jag har fått veta att sekretessen bryts i två fall:",
    );
    for (const e of secrecyExceptions) text(`– ${e}`, { indent: 12 });
    heading("Mitt samtycke");
    text(consentFormSentences.consent);
    text("[  ] min nuvarande partner     [  ] min tidigare partner");
    text(consentFormSentences.ending);
    text(consentFormSentences.nothingShared);
    text(consentFormSentences.destroyed);
    heading("Underskrift");
    doc.moveDown(1);
    text("Ort och datum: ____________________________________");
    doc.moveDown(1);
    text("Underskrift: ______________________________________");
    doc.moveDown(1);
    text("Namnförtydligande: ________________________________");
    doc.moveDown(1);
    doc.fontSize(9);
    text(`Utskriven ${p.printedOn}. Ett exemplar till dig, ett till mottagningen.`);
  });
}

export const partnerLetterSentences = {
  title: "Erbjudande om samtal – partnerkontakt",
  who: "Vi har kontakt med en person som du har eller har haft en nära relation med, och som har sökt hjälp hos oss för att sluta använda våld. Hen har gett oss dina kontaktuppgifter och samtyckt till att vi hör av oss till dig.",
  what: "Partnerkontakt handlar om din och eventuella barns säkerhet. Vi erbjuder samtal där vi tillsammans går igenom hur du och barnen har det, om det har förekommit våld eller hot, hur ni kan skydda er och vilket stöd du kan få för egen del. Du kan också få veta om hen uteblir, avbryter sin behandling eller när den avslutas.",
  nothingPassed:
    "Det du berättar för oss förs aldrig vidare till hen. Hen får inte veta vad du säger till oss.",
  offerStands:
    "Du bestämmer själv om du vill ha kontakt. Erbjudandet står kvar även om du säger nej nu – du är alltid välkommen att höra av dig.",
  danger: "Ring 112 om du eller barnen är i fara.",
} as const;

export function renderPartnerLetter(p: {
  sender: Sender;
  recipientName: string;
  /** The address the letter may go to; null when it is to be handed over. */
  address: string | null;
  printedOn: string;
}): Promise<Buffer> {
  const s = partnerLetterSentences;
  const info = { title: s.title, author: p.sender.organisation, subject: s.title };
  return writePdf(info, ({ doc, text, heading, font }) => {
    font("bold", 14);
    text(p.sender.organisation);
    font("regular", 10);
    for (const line of contactLines(p.sender)) text(line);
    doc.moveDown(1).fontSize(11);
    text(p.recipientName);
    if (p.address) for (const line of p.address.split(/,\s*|\n/)) text(line);
    doc.moveDown(0.5);
    text(p.printedOn);
    heading(s.title, 16);
    text(`Hej ${p.recipientName.split(" ")[0]},`);
    doc.moveDown(0.5);
    text(s.who);
    doc.moveDown(0.5);
    text(s.what);
    heading("Det du säger stannar hos oss");
    text(s.nothingPassed);
    text("Vi har sekretess. Det finns två undantag:");
    for (const e of secrecyExceptions) text(`– ${e}`, { indent: 12 });
    heading("Du bestämmer");
    text(s.offerStands);
    heading("Så når du oss");
    for (const line of contactLines(p.sender)) text(line);
    doc.moveDown(0.5);
    text(s.danger);
    doc.moveDown(1);
    text(`Med vänlig hälsning\n${p.sender.unit}, ${p.sender.organisation}`);
  });
}

/**
 * The text message: discreet, because whoever holds her phone may read it — no word of
 * violence or treatment, and the organisation's name, not the unit's (a name like
 * "Kriscentrum för män" would say what it is about); only how to reach us.
 */
export function partnerSmsText(p: { sender: Sender; recipientName: string | null }): string {
  // No name (fingerade personuppgifter): a greeting that names nobody.
  const greeting = p.recipientName ? `Hej ${p.recipientName.split(" ")[0]}!` : "Hej!";
  const reach = p.sender.phone ? ` Ring oss på ${p.sender.phone} när det passar dig.` : "";
  return `${greeting} Vi på ${p.sender.organisation} skulle gärna vilja prata med dig.${reach} Du bestämmer själv om och när. Vänliga hälsningar, ${p.sender.organisation}`;
}
