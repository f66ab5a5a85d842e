import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { makeDataDir } from "../helpers/data-dir.js";

const run = promisify(execFile);
const tsx = ["node_modules/.bin/tsx", "src/cli/validate.ts"];

async function validate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx[0]!, [tsx[1]!, ...args], { env: { ...process.env, DATA_DIR: "" } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run validate", () => {
  it("reports the bundled data's size with --json and at least 37 deals and 150 facts", async () => {
    const { code, stdout } = await validate(["--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { ok: boolean; deals: number; facts: number; sources: number; entities: number; errors: unknown[] };
    expect(report.ok).toBe(true);
    expect(report.deals).toBeGreaterThanOrEqual(37);
    expect(report.facts).toBeGreaterThanOrEqual(150);
    expect(report.errors).toEqual([]);
  });

  it("prints a readable summary", async () => {
    const { code, stdout } = await validate([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok: \d+ deals, \d+ facts, \d+ sources, \d+ entities, \d+ disputed figures/);
  });

  it("reports deals by type and by year, in text and in --json", async () => {
    const dir = await makeDataDir();
    const text = await validate([dir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("deals by type: cloud-capacity 1");
    expect(text.stdout).toContain("deals by year: 2025 1");
    const { stdout } = await validate(["--json", dir]);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, deals: 1, dealsByType: { "cloud-capacity": 1 }, dealsByYear: { "2025": 1 } });
  });

  it("names every problem by file and path", async () => {
    const dir = await makeDataDir({
      "entities/companies.yaml": "entities:\n  - { id: openai, name: OpenAI, kind: company, aliases: [Open AI] }\n  - { id: aws, name: Amazon Web Services, kind: company, aliases: [AWS, open ai] }\n",
    });
    const { code, stderr } = await validate([dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^1 error in 1 file of /);
    expect(stderr).toContain('data/entities/companies.yaml: entities[1].aliases[1]: "open ai" is also a name or alias of entity "openai"');
  });

  it("exits 1 and lists each error with file and path", async () => {
    const dir = await makeDataDir({ "deals/bad.yaml": "id: [oops\n" });
    const { code, stdout } = await validate(["--json", dir]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { ok: boolean; errors: Array<{ file: string; path: string; message: string }> };
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ file: "data/deals/bad.yaml", path: "" });
    expect(report.errors[0]?.message).toMatch(/YAML syntax error/);
  });
});
