import { describe, expect, it } from "vitest";
import type { Notification } from "../../../shared/api/notifications";
import { en } from "../../i18n/en";
import type { MessageKey, Translate } from "../../i18n/messages";
import { sv } from "../../i18n/sv";
import { buttonLabel, notificationHref, notificationText } from "./notification-model";

const translator =
  (catalogue: Record<MessageKey, string>): Translate =>
  (key, ...args) => {
    const params = (args[0] ?? {}) as Record<string, string | number>;
    return catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
  };

const caseId = "3f2b1c1e-0000-4000-8000-000000000001";
const base: Notification = {
  id: `due_soon:preliminary_assessment:${caseId}:2026-12-07`,
  category: "due_soon",
  kind: "preliminary_assessment",
  caseId,
  reference: "2026-0042",
  subject: null,
  date: "2026-12-07",
  read: false,
};

describe("a notification as the header shows it", () => {
  it("names the count of unread in the button, in Swedish and English", () => {
    expect(buttonLabel(3, translator(sv))).toBe("Notiser 3 olästa");
    expect(buttonLabel(0, translator(sv))).toBe("Notiser, inga olästa");
    expect(buttonLabel(1, translator(en))).toBe("Notifications 1 unread");
  });

  it("says what, which case and which day, and leads to the case", () => {
    expect(notificationText(base, translator(sv), "sv")).toBe(
      "Förhandsbedömning – 2026-0042, sista dag 2026-12-07",
    );
    expect(
      notificationText({ ...base, category: "assigned", kind: null }, translator(sv), "sv"),
    ).toBe("Ärende 2026-0042 har tilldelats dig (2026-12-07)");
    expect(
      notificationText(
        { ...base, category: "barrier_event", kind: "barrier_notice" },
        translator(sv),
        "sv",
      ),
    ).toBe("Meddelande från behandlingen att kvittera – 2026-0042");
    expect(notificationHref(base)).toBe(`/cases/${caseId}`);
  });
});
