import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import type { Command } from "./types.js";

export const COMMANDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../commands");

/** The shape every command module's default export must have. */
const commandPredicate = z.object({
  data: z.object({ name: z.string().regex(/^[a-z0-9_-]{1,32}$/), toJSON: z.function() }),
  execute: z.function(),
  autocomplete: z.function().optional(),
});

/** Import every command module and check it; a bad module fails start-up with its file name. */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Map<string, Command>> {
  const files = (await readdir(dir)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith(".d.ts")).sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const mod: unknown = await import(pathToFileURL(path.join(dir, file)).href);
    const candidate = (mod as { default?: unknown }).default;
    const check = commandPredicate.safeParse(candidate);
    if (!check.success) throw new Error(`commands/${file} does not export a valid command: ${check.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    const command = candidate as Command;
    if (commands.has(command.data.name)) throw new Error(`commands/${file}: duplicate command name "${command.data.name}"`);
    commands.set(command.data.name, command);
  }
  return commands;
}
