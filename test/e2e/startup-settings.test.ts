/** Settings at start-up: a bad one stops the process at once, naming it; blank ones mean the default. */
import { afterEach, describe, expect, it } from "vitest";
import { childEnv, killChildren, spawnTsx, startHarness, TOKEN, within, type Harness } from "./harness.js";

const started: Harness[] = [];
const saved = { SHARD_COUNT: process.env["SHARD_COUNT"] };

afterEach(async () => {
  await killChildren();
  for (const s of started.splice(0)) await s.stop();
  if (saved.SHARD_COUNT === undefined) delete process.env["SHARD_COUNT"];
  else process.env["SHARD_COUNT"] = saved.SHARD_COUNT;
});

describe("start-up settings", () => {
  it("exits with code 1 and one JSON error line naming DISCORD_API_BASE when it is not a URL", async () => {
    const child = spawnTsx("src/main.ts", childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: "not-a-url" }));

    const run = await within(child.exited, "the process exiting", 15_000);

    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n").map((l) => JSON.parse(l) as { level: string; msg: string });
    expect(lines).toEqual([expect.objectContaining({ level: "error", msg: expect.stringMatching(/DISCORD_API_BASE: .*"not-a-url"/) })]);
    expect(run.stderr).not.toContain("    at ");
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it("logs in when the environment has a blank SHARD_COUNT, as a copied .env with an empty line gives it", async () => {
    process.env["SHARD_COUNT"] = "";

    const h = await startHarness();
    started.push(h);

    expect(h.fake.identifies.map((i) => i.shard)).toEqual([[0, 1]]);
  });

  it("logs in with SHARD_COUNT=auto, taking Discord's recommended shard count", async () => {
    process.env["SHARD_COUNT"] = "auto";

    const h = await startHarness({ env: { SHARD_COUNT: "auto" } });
    started.push(h);

    expect(h.fake.identifies.map((i) => i.shard)).toEqual([[0, 1]]);
    expect(h.fake.requests.filter((r) => r.path === "/gateway/bot").length).toBeGreaterThan(0);
  });
});
