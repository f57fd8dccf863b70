import type { IdentityPool, Sex } from "./identity.ts";
import { familyNames, femaleNames, maleNames } from "./names.ts";
import type { Random } from "./random.ts";
import type { RowBuffer } from "./row-buffer.ts";

/**
 * Persons: invented names, test identity numbers unique in the organisation (a few
 * reserve numbers and unidentified persons), sex, and a protection level for some: about
 * 2 % confidentiality marking, 0.7 % protected registration, 0.3 % fictitious identity.
 * Whoever registered a person has a registration row, as the application writes it.
 */
export interface PersonContext {
  r: Random;
  buf: RowBuffer;
  orgId: string;
  ids: IdentityPool;
}

export interface Person {
  id: string;
  givenName: string;
  familyName: string;
  sex: Sex;
}

const protection = [
  ["none", 970],
  ["confidentiality_marking", 20],
  ["protected_registration", 7],
  ["fictitious_identity", 3],
] as const;

function identity(c: PersonContext, sex: Sex, minAge: number, maxAge: number) {
  const kind = c.r.weighted([
    ["number", 990],
    ["reserve", 6],
    ["unidentified", 4],
  ] as const);
  if (kind === "unidentified")
    return { kind: "unidentified", number: null, birthDate: null } as const;
  const reserve = () =>
    ({ kind: "reserve_number", number: c.ids.reserve(), birthDate: null }) as const;
  if (kind === "reserve") return reserve();
  const drawn = c.ids.draw(sex, minAge, maxAge);
  if (!drawn) return reserve();
  return {
    kind: drawn.coordination ? "coordination_number" : "personal_identity_number",
    number: drawn.number,
    birthDate: drawn.coordination ? null : drawn.birthDate,
  } as const;
}

export function addPerson(
  c: PersonContext,
  sex: Sex,
  ages: [number, number],
  registrant: string,
  at: Date,
): Person {
  const id = c.r.uuid();
  const givenName = c.r.pick(sex === "female" ? femaleNames : maleNames);
  const familyName = c.r.chance(0.08)
    ? `${c.r.pick(familyNames)}-${c.r.pick(familyNames)}`
    : c.r.pick(familyNames);
  const idn = identity(c, sex, ages[0], ages[1]);
  const level = c.r.weighted(protection);
  c.buf.add("person", [
    id,
    c.orgId,
    idn.kind,
    idn.number,
    givenName,
    familyName,
    idn.birthDate,
    sex,
    level,
    at,
    registrant,
    at,
  ]);
  c.buf.add("person_registration", [c.orgId, id, registrant, at, givenName, familyName, sex]);
  return { id, givenName, familyName, sex };
}
