/** Run RUN_SCRIPT with the space-separated RUN_ARGS as its arguments (the e2e harness spawns scripts without arguments). */
import path from "node:path";
import { pathToFileURL } from "node:url";

const script = process.env["RUN_SCRIPT"];
if (!script) throw new Error("RUN_SCRIPT is required");
process.argv.splice(2, process.argv.length, ...(process.env["RUN_ARGS"] ?? "").split(" ").filter(Boolean));
await import(pathToFileURL(path.resolve(script)).href);
