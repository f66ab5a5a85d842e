import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../src/cli/console.js";
import { openIndex } from "../src/engine/bootstrap.js";
import { LiveIndex } from "../src/engine/live-index.js";

async function session(lines: string[], chartDir?: string): Promise<string> {
  const live = new LiveIndex(await openIndex("data"), "data");
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (d: Buffer) => (text += d.toString()));
  const done = runConsole(live, { input, output, interactive: false, ...(chartDir ? { chartDir } : {}) });
  input.end(lines.join("\n") + "\n");
  await done;
  return text;
}

describe("the offline console", () => {
  it("opens with a one-line banner saying it is offline and how to connect", async () => {
    const out = await session([]);
    expect(out.split("\n")[0]).toMatch(/offline console: no DISCORD_TOKEN set.*Set DISCORD_TOKEN in \.env/);
  });

  it("answers questions with conversation context", async () => {
    const out = await session(["How much is the OpenAI AWS deal worth?", "and AMD?"]);
    expect(out).toContain("$38 billion [1]");
    expect(out).toMatch(/OpenAI–AMD/);
  });

  it("handles /deal, /company, /sources, /help and /reload, and says so for an unknown command", async () => {
    const out = await session(["/deal openai aws", "/company anthropic", "/sources stargate", "/help", "/reload", "/frobnicate", "/deal"]);
    expect(out).toMatch(/Parties: OpenAI \(buyer\)/);
    expect(out).toMatch(/Deals involving Anthropic in my sources \(\d+\):/);
    expect(out).toMatch(/Reported by [^\n]+ \(tier [ABC]\)/);
    expect(out).toMatch(/\/deal <name> +a deal card/);
    expect(out).toMatch(/Reloaded: deals (\d+) → \1, facts (\d+) → \2 \(0 added, 0 changed, 0 removed\)/);
    expect(out).toMatch(/Unknown command \/frobnicate/);
    expect(out).toMatch(/Usage: \/deal <name>/);
  });

  it("writes a chart for a ranking and for /company, prints where, and prints nothing of the kind for a single figure", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dealdesk-console-chart-"));
    try {
      const out = await session(["biggest OpenAI deals", "How much is the OpenAI AWS deal worth?", "/company anthropic"], dir);
      const written = [...out.matchAll(/^Chart: (.+\.png)$/gm)].map((m) => m[1]!);
      expect(written).toHaveLength(2);
      for (const file of written) {
        expect(path.dirname(file)).toBe(dir);
        expect((await readFile(file)).subarray(1, 4).toString()).toBe("PNG");
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
