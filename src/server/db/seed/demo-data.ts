/**
 * Demo data: a fictional municipality. Every person is invented; identity numbers use
 * Skatteverket's well-known example (19121212-1212) or birth numbers in the 980–989 range,
 * with valid check digits, so they pass validation but belong to nobody we know of.
 * Never add a real person here.
 */
export const demoPassword = "frid-demo";

export const demoOrganisation = { name: "Demokommun", kind: "municipality" } as const;

/** Contact details are fictional (numbers from the range kept for drama, 070-1740xxx). */
export const demoUnits = [
  { key: "adult", name: "IFO Vuxen", kind: "adult_services", phone: "070-174 00 10" },
  { key: "child", name: "Barn och unga", kind: "child_services", phone: "070-174 00 20" },
  { key: "crisis", name: "Kriscentrum", kind: "crisis_centre", phone: "070-174 00 30" },
  // The organisation's own shelter (issue 16): its staff see the stays at Lärkan only.
  { key: "shelter", name: "Skyddat boende Lärkan", kind: "shelter", phone: "070-174 00 60" },
  // The county's resource function on honour-related violence (issue 17): advises
  // professionals, surveys their competence needs and answers young people's chat.
  {
    key: "resource",
    name: "Resursfunktion hedersrelaterat våld",
    kind: "resource_function",
    phone: "070-174 00 70",
  },
] as const;

/** The development identity provider (scripts/dev-idp.ts) the demo organisation trusts. */
export const demoIdentityProvider = {
  displayName: "Test-IdP (utveckling)",
  issuer: "http://127.0.0.1:4010",
  clientId: "frid-demo",
} as const;

/** A demo user's HSA-id at the development provider (a made-up organisation number). */
export const demoHsaId = (username: string) => `SE2321000016-${username}`;

export type DemoUnitKey = (typeof demoUnits)[number]["key"];

/** Unit and role are what the access issue gives each user; listed here so the README agrees. */
export const demoUsers: {
  username: string;
  displayName: string;
  unit: DemoUnitKey | null;
  role:
    | "caseworker"
    | "therapist"
    | "unit_manager"
    | "administrator"
    | "analyst"
    | "housing_coordinator"
    | "shelter_staff"
    | "consultant"
    | "protection_officer";
}[] = [
  { username: "handlaggare1", displayName: "Lina Ek", unit: "adult", role: "caseworker" },
  { username: "handlaggare2", displayName: "Omar Nilsson", unit: "adult", role: "caseworker" },
  { username: "barnhandlaggare", displayName: "Karin Sjöberg", unit: "child", role: "caseworker" },
  { username: "behandlare1", displayName: "Per Holm", unit: "crisis", role: "therapist" },
  { username: "behandlare2", displayName: "Eva Lund", unit: "crisis", role: "therapist" },
  { username: "enhetschef", displayName: "Maria Strand", unit: "adult", role: "unit_manager" },
  { username: "barnchef", displayName: "Nadia Karlsson", unit: "child", role: "unit_manager" },
  { username: "krischef", displayName: "Jonas Berglund", unit: "crisis", role: "unit_manager" },
  { username: "admin", displayName: "Systemförvaltare Demo", unit: null, role: "administrator" },
  { username: "analytiker", displayName: "Analytiker Demo", unit: null, role: "analyst" },
  {
    username: "boendesamordnare",
    displayName: "Helena Vik",
    unit: "adult",
    role: "housing_coordinator",
  },
  {
    username: "boendepersonal",
    displayName: "Sofia Åberg",
    unit: "shelter",
    role: "shelter_staff",
  },
  { username: "resursperson", displayName: "Leila Amin", unit: "resource", role: "consultant" },
  { username: "resurschef", displayName: "Tomas Ek", unit: "resource", role: "unit_manager" },
  // The unit's protection officer (issue 19): consulted before a protected person's level is
  // lowered or her data disclosed; sees the unit's protected persons and every reveal.
  {
    username: "skyddshandlaggare",
    displayName: "Ingrid Falk",
    unit: "adult",
    role: "protection_officer",
  },
];

export const demoPersons = [
  { identityNumber: "191212121212", givenName: "Tolvan", familyName: "Tolvansson", sex: "male" },
  { identityNumber: "198503159827", givenName: "Anna", familyName: "Andersson", sex: "female" },
  { identityNumber: "198807049849", givenName: "Sara", familyName: "Berg", sex: "female" },
  { identityNumber: "201506129814", givenName: "Leo", familyName: "Berg", sex: "male" },
  { identityNumber: "201809309824", givenName: "Maja", familyName: "Berg", sex: "female" },
  { identityNumber: "197905119850", givenName: "Johan", familyName: "Lind", sex: "male" },
  // a coordination number: the day of birth plus 60
  { identityNumber: "198201749879", givenName: "Amir", familyName: "Haddad", sex: "male" },
] as const;

/**
 * Demo cases at different stages, so a newcomer sees a living work list. Days are counted
 * back from the day the demo is seeded. Johan Lind's treatment at the crisis centre and Sara
 * Berg's partner contact there are separated by a barrier, as in partner contact:
 * behandlare1 and behandlare2 never see each other's case. At Barn och unga, Leo's report of
 * concern came yesterday and still lacks its protection assessment (overdue), Maja's came
 * ten days ago and awaits the preliminary decision (due within the week).
 */
export interface DemoCase {
  person: string;
  unit: DemoUnitKey;
  caseType: "adult_victim" | "child" | "perpetrator" | "partner_contact";
  worker: string;
  /** How the matter came in; the case opens 30 minutes after it was received. */
  intake?: {
    kind: "application" | "report_of_concern";
    source: "the_person" | "police" | "school";
    daysAgo: number;
    protectionAssessed?: boolean;
    /** An adult's answer to the question about violence (a child is not asked at intake). */
    violenceAnswer?: string;
    /** What was reported and, when someone else reported, who (work contact details). */
    report: {
      text: string;
      reportedDaysAgo?: number;
      organisation?: string;
      name?: string;
      phone?: string;
      email?: string;
    };
  };
  /** For a case without an intake (a referral to the crisis centre): when it opened. */
  openedDaysAgo?: number;
  /** Statuses the case has gone through after intake, with how many days ago. */
  path?: { to: "investigation" | "preliminary_assessment" | "implementation"; daysAgo: number }[];
  /** The work done in the case so far. */
  work?: DemoWork;
}

export interface DemoWork {
  /** Section texts; completedDaysAgo set: the investigation is finished. */
  investigation: {
    sections: Record<string, string>;
    childrenWitnessedViolence: boolean | null;
    summary: string;
    assessment: string;
    savedDaysAgo: number;
    completedDaysAgo?: number;
    /** The children's task: null = still open. */
    childrenReportedDaysAgo?: number | null;
  };
  decisions?: {
    kind: string;
    outcome: "granted" | "partly_granted" | "denied";
    daysAgo: number;
    months?: number;
    reasoning: string;
    /** An implementation plan with its first follow-up so many days from now. */
    plan?: { goals: string; activities: string; followUpInDays: number };
  }[];
}

/** Safe-contact answers given by demo persons (by identity number). */
export const demoSafeContact: Record<string, object> = {
  // Sara Berg lives at a sheltered housing: no letters, no voicemail, a code word.
  "198807049849": {
    mayCall: true,
    mayLeaveVoicemail: false,
    maySendLetters: false,
    letterAddress: null,
    timesToAvoid: "Kvällar och helger",
    codeWord: "Vitsippa",
    notes: "Ring från dolt nummer.",
  },
};

export const demoCases: DemoCase[] = [
  {
    person: "198503159827",
    unit: "adult",
    caseType: "adult_victim",
    worker: "handlaggare1",
    intake: {
      kind: "application",
      source: "the_person",
      daysAgo: 6,
      violenceAnswer: "Ja. Berättar om hot och kontroll från sambon under flera år.",
      report: {
        text: "Anna Andersson kom till receptionen och bad om hjälp. Sambon har kontrollerat och hotat henne i flera år och knuffade henne för två veckor sedan. Han har nu flyttat ut; hon är rädd att han kommer tillbaka.",
      },
    },
    path: [{ to: "investigation", daysAgo: 6 }],
    work: {
      investigation: {
        sections: {
          acute_needs: "Behöver ingen akut placering; bor kvar med barnen, sambon har flyttat ut.",
          nature_and_extent_of_violence:
            "Berättar om kontroll, hot och knuffar under fyra år, senast för två veckor sedan.",
          children_in_household: "Två barn, 6 och 9 år. Barnen var hemma vid flera tillfällen.",
        },
        childrenWitnessedViolence: true,
        summary: "",
        assessment: "",
        savedDaysAgo: 2,
        childrenReportedDaysAgo: null,
      },
    },
  },
  {
    person: "198807049849",
    unit: "adult",
    caseType: "adult_victim",
    worker: "handlaggare2",
    intake: {
      kind: "application",
      source: "police",
      daysAgo: 40,
      violenceAnswer: "Ja. Slag och dödshot från tidigare partner, värre efter separationen.",
      report: {
        text: "Polisen ringde efter en anmälan om misshandel i natt. Sara Berg har slagits och hotats till livet av sin tidigare partner och vill inte åka hem med barnen. Hon vill ha hjälp med skyddat boende i dag.",
        reportedDaysAgo: 40,
        organisation: "Polisen, Region Demo",
        name: "Inspektör Demo Demosson",
        phone: "070-174 00 40",
      },
    },
    path: [
      { to: "investigation", daysAgo: 40 },
      { to: "implementation", daysAgo: 12 },
    ],
    work: {
      investigation: {
        sections: {
          acute_needs: "Behövde skyddat boende samma dag som polisanmälan.",
          nature_and_extent_of_violence:
            "Fysiskt och psykiskt våld från tidigare partner under lång tid; hot efter separationen.",
          risk_of_further_violence:
            "Hög risk enligt farlighetsbedömningen: mannen söker henne via släkten och har hotat henne till livet. Bedömningen görs om varje månad.",
          children_in_household: "Leo och Maja bor med mamman. Båda har bevittnat våld.",
          support_as_parent: "Önskar stöd i att prata med barnen om det som hänt.",
        },
        childrenWitnessedViolence: true,
        summary: "Sara Berg och barnen behöver skydd och stöd för att kunna bo tryggt.",
        assessment: "Behoven kan inte tillgodoses på annat sätt än genom skyddat boende och stöd.",
        savedDaysAgo: 14,
        completedDaysAgo: 13,
        childrenReportedDaysAgo: 38,
      },
      decisions: [
        {
          kind: "sheltered_housing",
          outcome: "granted",
          daysAgo: 12,
          months: 3,
          reasoning:
            "Du har berättat om allvarligt våld och hot. Du behöver skydd som du inte kan få på annat sätt.",
          plan: {
            goals: "Sara och barnen bor tryggt och har en plan för egen bostad med skydd.",
            activities:
              "Boendet: stöd varje vecka. Handläggaren: kontakt med polis och Skatteverket om skyddade personuppgifter.",
            followUpInDays: 3,
          },
        },
        {
          kind: "financial_aid",
          outcome: "denied",
          daysAgo: 12,
          reasoning: "Din inkomst räcker till din försörjning enligt riksnormen.",
        },
      ],
    },
  },
  {
    person: "197905119850",
    unit: "crisis",
    caseType: "perpetrator",
    worker: "behandlare1",
    openedDaysAgo: 30,
  },
  {
    person: "198807049849",
    unit: "crisis",
    caseType: "partner_contact",
    worker: "behandlare2",
    openedDaysAgo: 30,
  },
  {
    person: "201506129814",
    unit: "child",
    caseType: "child",
    worker: "barnhandlaggare",
    intake: {
      kind: "report_of_concern",
      source: "school",
      daysAgo: 1,
      report: {
        text: "Leo, 11 år, berättade i dag för sin mentor att pappa har slagit mamma och att han är rädd att pappa ska komma till skolan och hämta honom. Leo har varit frånvarande flera dagar den senaste månaden och är trött och orolig på lektionerna.",
        reportedDaysAgo: 2,
        organisation: "Demoskolan",
        name: "Kim Mentorsson, mentor",
        phone: "070-174 00 50",
        email: "kim.mentorsson@demoskolan.example",
      },
    },
    path: [{ to: "preliminary_assessment", daysAgo: 1 }],
  },
  {
    person: "201809309824",
    unit: "child",
    caseType: "child",
    worker: "barnhandlaggare",
    intake: {
      kind: "report_of_concern",
      source: "police",
      daysAgo: 10,
      protectionAssessed: true,
      report: {
        text: "Pappan kom till Majas fritidshem och krävde att få hämta henne. Personalen släppte inte iväg Maja och ringde polisen. Maja var rädd och grät; mamman och Maja bor på skyddad adress.",
        reportedDaysAgo: 10,
        organisation: "Polisen, Region Demo",
        name: "Inspektör Demo Demosson",
        phone: "070-174 00 40",
      },
    },
    path: [{ to: "preliminary_assessment", daysAgo: 10 }],
  },
];

/**
 * Pairs of demoCases indexes with a barrier between them: [his treatment, her partner case];
 * the treatment, his consent and the partner contact so far come with it (demo-treatment.ts).
 */
export const demoBarriers = [[2, 3]] as const;

/** Relations recorded in a demo case: [case index, other person's number, kind]. */
export const demoRelations = [
  [1, "201506129814", "child"],
  [1, "201809309824", "child"],
] as const;
