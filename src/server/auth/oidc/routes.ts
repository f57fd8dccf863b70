import type { RouteModule } from "../../http/context.ts";

export const oidcRoutes: RouteModule = () => {};
