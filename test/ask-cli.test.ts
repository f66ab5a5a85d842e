import { execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const TSX = "node_modules/.bin/tsx";
const env = { ...process.env, DATA_DIR: "", DISCORD_TOKEN: "" };

function batch(input: string, flags: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["src/cli/ask.ts", "--batch", ...flags], { env });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
    child.stdin.end(input);
  });
}

interface AskJson {
  question: string;
  answered: boolean;
  text: string;
  figures: Array<{ factId: string | null; dealId: string | null; metric: string; value: number | null; unit: string; qualifier: string; display: string; sources: number[] }>;
  sources: Array<{ n: number; id: string; title: string; publisher: string; url: string | null; published: string | null; quote: string }>;
}

describe("npm run ask", () => {
  it("prints the plain reply with its sources", async () => {
    const { stdout } = await run(TSX, ["src/cli/ask.ts", "How much is the OpenAI AWS deal worth?"], { env });
    expect(stdout).toMatch(/\$38 billion \[1\]/);
    expect(stdout).toMatch(/Sources:\n\[1\] /);
  });

  it("prints one JSON object whose text is exactly the plain reply and whose figures cite its sources", async () => {
    const plain = (await run(TSX, ["src/cli/ask.ts", "How much is the OpenAI AWS deal worth?"], { env })).stdout.trimEnd();
    const json = JSON.parse((await run(TSX, ["src/cli/ask.ts", "--json", "How much is the OpenAI AWS deal worth?"], { env })).stdout) as AskJson;
    expect(json.text).toBe(plain);
    expect(json.answered).toBe(true);
    expect(json.figures[0]).toMatchObject({ factId: "openai-aws-2025.value", dealId: "openai-aws-2025", metric: "deal-value", value: 38e9, unit: "USD", qualifier: "none", display: "$38 billion" });
    for (const f of json.figures) for (const n of f.sources) expect(json.sources.some((s) => s.n === n)).toBe(true);
    expect(Object.keys(json.sources[0]!)).toEqual(expect.arrayContaining(["n", "id", "title", "publisher", "url", "published", "quote"]));
  });

  it("answers a batch line by line, independently unless --conversation is given", async () => {
    const input = "How much is the OpenAI AWS deal worth?\nwhat about the chips?\n";
    const alone = (await batch(input, [])).trim().split("\n").map((l) => JSON.parse(l) as AskJson);
    const talk = (await batch(input, ["--conversation"])).trim().split("\n").map((l) => JSON.parse(l) as AskJson);
    expect(alone.map((a) => a.question)).toEqual(["How much is the OpenAI AWS deal worth?", "what about the chips?"]);
    expect(alone[1]?.answered).toBe(false);
    expect(talk[1]?.figures[0]).toMatchObject({ dealId: "openai-aws-2025", metric: "chip-count" });
  });

  it("rejects an unknown option with usage", async () => {
    await expect(run(TSX, ["src/cli/ask.ts", "--bogus", "q"], { env })).rejects.toMatchObject({ code: 2 });
  });

  it("--chart writes the answer's chart as a PNG and says where on stderr; an answer without a chart says so", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dealdesk-ask-chart-"));
    try {
      const file = path.join(dir, "out.png");
      const { stdout, stderr } = await run(TSX, ["src/cli/ask.ts", "--chart", file, "compare the oracle and aws deals"], { env });
      // stdout is the reply alone, exactly as without --chart; the chart is reported on stderr.
      const plain = await run(TSX, ["src/cli/ask.ts", "compare the oracle and aws deals"], { env });
      expect(stdout).toBe(plain.stdout);
      expect(stdout).toContain("OpenAI–Oracle Stargate cloud capacity agreement");
      expect(stderr).toContain(`Chart written to ${file}: Bar chart comparing OpenAI–Oracle and OpenAI–AWS`);
      expect([...(await readFile(file)).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

      const none = await run(TSX, ["src/cli/ask.ts", "--chart", path.join(dir, "none.png"), "How much is the OpenAI AWS deal worth?"], { env });
      expect(none.stderr).toMatch(/has no chart/);
      await expect(readFile(path.join(dir, "none.png"))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
