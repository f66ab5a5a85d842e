// Entry of the store's worker thread: TypeScript through tsx (as the main thread runs), then the writer.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
