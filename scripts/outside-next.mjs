// For processes that run our server code outside Next's server build (scripts, the server host
// scripts/serve.ts, tests' child processes): "server-only" resolves to its server build (an empty module), as
// Next resolves it for server code. Nothing else changes resolution: React keeps its default build, which
// Next's server needs in the same process. Use: `node --import ./scripts/outside-next.mjs --import tsx …`.
import { register } from "node:module";

const serverOnlyAsOnTheServer = `export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}`;

register(`data:text/javascript,${encodeURIComponent(serverOnlyAsOnTheServer)}`);
