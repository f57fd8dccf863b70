import type { Transaction } from "kysely";
import { defaultChatHours } from "../../../shared/chat-hours.ts";
import type { Database } from "../types.ts";
import { demoUnits } from "./demo-data.ts";

/**
 * The resource function's chat for young people (issue 17, item 6) is on in the demo:
 * Monday to Friday 08–17, closed on days off, closed conversations kept 24 hours.
 */
export async function seedDemoChat(trx: Transaction<Database>, orgId: string) {
  const name = demoUnits.find((u) => u.key === "resource")?.name ?? "";
  const unit = await trx
    .selectFrom("unit")
    .select("id")
    .where("org_id", "=", orgId)
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  const manager = await trx
    .selectFrom("app_user")
    .select("id")
    .where("org_id", "=", orgId)
    .where("username", "=", "resurschef")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("chat_setting")
    .values({
      unit_id: unit.id,
      org_id: orgId,
      enabled: true,
      hours: JSON.stringify(defaultChatHours),
      open_on_days_off: false,
      retention_hours: 24,
      welcome_text:
        "Hej! Här kan du chatta med oss utan att säga vem du är. Vi har tystnadsplikt. Om du behöver lämna sidan snabbt: tryck på Lämna snabbt eller Esc två gånger.",
      updated_by: manager.id,
    })
    .execute();
}
