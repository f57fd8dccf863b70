import ExcelJS from "exceljs";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import { formatIdentityNumber } from "../../shared/personal-identity-number.ts";
import type { ProtectionLevel } from "../../shared/protection.ts";
import type { Database } from "../db/types.ts";
import type { App } from "../http/context.ts";
import type { AuthorizationWorld } from "./authorization-world.ts";
import { as, buildTreatmentTeam, fictionalIdentityNumber } from "./factories.ts";
import { openPartnerCase } from "./partner-contact.ts";
import { pdfWords } from "./pdf.ts";

/**
 * The fixture of the protection walk (access/protection-walk.test.ts): the authorization
 * suite's world, where case X's person and her child live under fingerade personuppgifter
 * and a relative and the barrier side's person carry the other levels, each with contact details that are
 * sentinels — values that appear nowhere else, so finding one in an answer is a leak.
 */
export interface ProtectedPerson {
  id: string;
  level: ProtectionLevel;
  /** Name and number: they must not appear outside her workspace when she is fictitious. */
  identity: string[];
  /** Address, phone, e-mail, code word, letter address: in no list, export or document. */
  contact: string[];
}

/** Contact details no fixture or generator would ever produce, one set per person. */
function sentinels(tag: string) {
  return {
    phone: `+4670${tag}55501`,
    email: `vakt.${tag}@skyddad.example`,
    postalAddress: `Hemligvägen ${tag} Gömstad`,
    codeWord: `Blåklint${tag}`,
    letterAddress: `Box ${tag}77 Döljeby`,
  };
}

async function identityOf(owner: Kysely<Database>, id: string): Promise<string[]> {
  const p = await owner
    .selectFrom("person")
    .select(["given_name", "family_name", "identity_number"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  const number = p.identity_number ?? "";
  // The stored, the shown (with its dash) and the ten-digit form of her number.
  const numbers = number ? [number, formatIdentityNumber(number), number.slice(2)] : [];
  return [p.given_name, p.family_name, ...numbers];
}

/**
 * Gives X's person fingerade personuppgifter and sentinel contact details through the API,
 * as her assigned worker would (so they are stored as every write stores them), and the
 * relative and the barrier side's person the two lower levels of protection.
 */
export async function protectWorld(
  app: App,
  owner: Kysely<Database>,
  { w, sessions }: AuthorizationWorld,
): Promise<ProtectedPerson[]> {
  const x = sentinels("11");
  const res = await app.inject({
    method: "PATCH",
    url: `/api/persons/${w.personId}`,
    headers: as(sessions.get("assigned")!),
    payload: {
      protectionLevel: "fictitious_identity",
      phone: x.phone,
      email: x.email,
      postalAddress: x.postalAddress,
      safeContact: { codeWord: x.codeWord, letterAddress: x.letterAddress, maySendLetters: true },
    },
  });
  if (res.statusCode !== 200) throw new Error(`protecting X: ${res.statusCode} ${res.body}`);
  const y = await owner
    .selectFrom("case")
    .select("person_id")
    .where("id", "=", w.otherCaseId)
    .executeTakeFirstOrThrow();
  const child = await owner
    .selectFrom("child_work")
    .select("person_id")
    .where("id", "=", w.childWork.workId)
    .executeTakeFirstOrThrow();
  // Her child in child work lives under fingerade personuppgifter too: the relations, the
  // police collaboration's persons and the child's work name him.
  const others: [string, ProtectionLevel, string][] = [
    [w.relativeId, "confidentiality_marking", "22"],
    [y.person_id, "protected_registration", "33"],
    [child.person_id as string, "fictitious_identity", "44"],
  ];
  const persons: ProtectedPerson[] = [
    {
      id: w.personId,
      level: "fictitious_identity",
      identity: await identityOf(owner, w.personId),
      contact: Object.values(x),
    },
  ];
  for (const [id, level, tag] of others) {
    const s = sentinels(tag);
    // Written as the seed and the import write them (owner connection, plain text: reading
    // passes legacy plain text through, issue 19 item 4).
    await owner
      .updateTable("person")
      .set({
        protection_level: level,
        phone: s.phone,
        email: s.email,
        postal_address: s.postalAddress,
      })
      .where("id", "=", id)
      .execute();
    persons.push({
      id,
      level,
      identity: await identityOf(owner, id),
      contact: [s.phone, s.email, s.postalAddress],
    });
  }
  return persons;
}

/**
 * A partner behind the barrier (review 19, finding 3): a treatment team's man consents to
 * contact with her, which opens her partner-contact case, her worker assigned; her name,
 * number and the phone and address he gave are sentinels. The walk sets her level in turn
 * and sends her case's letter and text routes as each of the team.
 */
export async function protectedPartner(app: App, owner: Kysely<Database>) {
  const team = await buildTreatmentTeam(app, owner);
  const s = sentinels("55");
  const identityNumber = fictionalIdentityNumber();
  const hers = await openPartnerCase(app, owner, team, {
    relationship: "current",
    consent: { form: "written", givenOn: "2026-10-02" },
    partner: {
      givenName: "Vaktmira",
      familyName: "Skyddadsdotter",
      identityNumber,
      phone: s.phone,
      postalAddress: s.postalAddress,
    },
  });
  const person = (level: ProtectionLevel): ProtectedPerson => ({
    id: hers.personId,
    level,
    identity: ["Vaktmira", "Skyddadsdotter", identityNumber, identityNumber.slice(2)],
    contact: [s.phone, s.postalAddress],
  });
  const sessions = {
    herWorker: team.partnerWorker,
    manager: team.manager,
    therapist: team.therapist,
    third: team.third,
  };
  return { caseId: hers.caseId, personId: hers.personId, person, sessions };
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The text an answer shows a person: JSON and CSV as sent, a PDF's and a workbook's text. */
export async function shownText(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers["content-type"] ?? "");
  if (type.includes("application/pdf") && res.statusCode < 300) {
    // An uploaded file need not be a well-formed PDF: its bytes are searched instead.
    return pdfWords(res.rawPayload).catch(() => res.rawPayload.toString("utf8"));
  }
  if (type.includes(xlsxType) && res.statusCode < 300) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(String(cell.text));
        });
      }),
    );
    return cells.join("\n");
  }
  // JSON escapes a few characters; the sentinels use none of them.
  return `${res.body}\n${String(res.headers["content-disposition"] ?? "")}`;
}

/** What a walked answer showed that it must not: one line per leak. */
export function leaksIn(
  text: string,
  persons: ProtectedPerson[],
  allowed: { contact: boolean; identity: boolean },
): string[] {
  const found: string[] = [];
  for (const p of persons) {
    if (!allowed.contact)
      for (const s of p.contact) if (text.includes(s)) found.push(`${p.level} contact "${s}"`);
    if (p.level === "fictitious_identity" && !allowed.identity)
      for (const s of p.identity) if (text.includes(s)) found.push(`${p.level} identity "${s}"`);
  }
  return found;
}

/** A walked request: the fixture's own, with the actor's session. */
export function walkedRequest(req: InjectOptions, session: Parameters<typeof as>[0]) {
  return { ...req, headers: { ...req.headers, ...as(session) } };
}
