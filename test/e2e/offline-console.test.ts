/** `npm start` without DISCORD_TOKEN: the offline console answers piped questions from the same engine. */
import { afterEach, describe, expect, it } from "vitest";
import { childEnv, killChildren, spawnTsx, within } from "./harness.js";

afterEach(killChildren);

describe("npm start without DISCORD_TOKEN", () => {
  it("prints an offline banner, answers a piped question with $38 billion and a source, and exits 0 at end of input", async () => {
    // DISCORD_TOKEN="" explicitly: a developer's .env never overrides a variable that is set.
    const child = spawnTsx("src/main.ts", childEnv({ DISCORD_TOKEN: "" }), "How much is the OpenAI AWS deal worth?\n");

    const run = await within(child.exited, "the console exiting", 15_000);

    expect(run.code, run.stderr).toBe(0);
    const [banner, ...rest] = run.stdout.split("\n");
    expect(banner).toMatch(/offline console: no DISCORD_TOKEN set/);
    const reply = rest.join("\n");
    expect(reply).toContain("$38 billion");
    // The page's date at its precision ("3 November 2025", "November 2025"), or "date not given": never made up.
    expect(reply).toMatch(/Sources:\n\[1\] .+, (?:(?:\d{1,2} )?[A-Z][a-z]+ \d{4}|\d{4}|date not given)/);
    expect(reply).toMatch(/\$38 billion \[\d/);
    expect(run.stderr).toBe("");
  });
});
