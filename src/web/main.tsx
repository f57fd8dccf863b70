import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { ServerState } from "./api/ServerState";
// Imported (not inlined) so the build emits a .css file that the CSP's style-src 'self' allows.
import "./styles.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    {/* Server state (TanStack Query, api/query-client.ts) for everything App shows. */}
    <ServerState>
      <App />
    </ServerState>
  </StrictMode>,
);
