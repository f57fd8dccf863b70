import { z } from "zod";

export const AppInfo = z
  .object({
    name: z.literal("Frid"),
    version: z.string(),
    demo: z.boolean().meta({ description: "Demo mode: fictional data, the DEMO banner is shown" }),
  })
  .meta({ id: "AppInfo" });
export type AppInfo = z.infer<typeof AppInfo>;

export const Health = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    database: z.enum(["pglite", "postgres"]),
    version: z.string(),
  })
  .meta({ id: "Health" });
export type Health = z.infer<typeof Health>;
