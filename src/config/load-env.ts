import { config as dotenv } from "dotenv";
import { type Config, parseConfig } from "./config.js";

/** Read .env (if present) into process.env, then validate. Real environment variables win over .env. */
export function loadConfig(): Config {
  dotenv({ quiet: true });
  return parseConfig(process.env);
}
