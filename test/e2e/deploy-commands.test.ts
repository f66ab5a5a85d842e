/** `npm run deploy-commands` as a child process against the fake: what it PUTs, and where. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord, type RecordedRequest } from "../fake-discord/index.js";
import { APP_ID, childEnv, GUILD, killChildren, spawnTsx, TOKEN, within } from "./harness.js";

const NAMES = ["ask", "deal", "company", "compare", "sources", "help", "about", "admin"];
const STRING = 3;
const SUBCOMMAND = 1;

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start({ applicationId: APP_ID, botToken: TOKEN, guilds: [GUILD] });
});

afterEach(killChildren);

afterAll(async () => {
  await fake?.stop();
});

async function deploy(guildId: string, appId = APP_ID): Promise<{ code: number | null; stdout: string; stderr: string; put: RecordedRequest }> {
  const before = fake.requests.length;
  const env = childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: appId, DISCORD_API_BASE: fake.apiBase, DISCORD_GUILD_ID: guildId });
  const run = await within(spawnTsx("src/cli/deploy-commands.ts", env).exited, "deploy-commands exiting", 15_000);
  const puts = fake.requests.slice(before).filter((r) => r.method === "PUT");
  expect(puts, run.stderr).toHaveLength(1);
  return { ...run, put: puts[0]! };
}

type Deployment = Awaited<ReturnType<typeof deploy>>;
let globalDeployment: Promise<Deployment> | undefined;
/** The global deployment, run once and shared by the tests that read its body. */
const deployGlobally = () => (globalDeployment ??= deploy(""));

type Option = { name: string; type: number; autocomplete?: boolean; max_length?: number; options?: Option[] };
const flatten = (options: Option[] = []): Option[] => options.flatMap((o) => [o, ...flatten(o.options)]);

describe("deploy-commands", () => {
  it("with DISCORD_GUILD_ID set, replaces that guild's commands with one authorised PUT and exits 0", async () => {
    const { code, stdout, stderr, put } = await deploy(GUILD.id);

    expect(code).toBe(0);
    expect(stdout + stderr).not.toContain(TOKEN);
    expect(put).toMatchObject({ path: `/applications/${APP_ID}/guilds/${GUILD.id}/commands`, authorized: true, status: 200 });
    expect(fake.guildCommands.get(GUILD.id)?.map((c) => c.name).sort()).toEqual([...NAMES].sort());
    expect(stdout).toContain(`Registered 8 commands in guild ${GUILD.id}`);
  });

  it("without DISCORD_APPLICATION_ID, reads the application id from the API with the token", async () => {
    const { code, put } = await deploy(GUILD.id, "");
    expect(code).toBe(0);
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${GUILD.id}/commands`);
  });

  it("without DISCORD_GUILD_ID, replaces the global commands instead", async () => {
    const { code, stdout, put } = await deployGlobally();

    expect(code).toBe(0);
    expect(put).toMatchObject({ path: `/applications/${APP_ID}/commands`, authorized: true, status: 200 });
    expect(fake.commands.map((c) => c.name).sort()).toEqual([...NAMES].sort());
    expect(stdout).toContain("Registered 8 commands globally");
  });

  it("sends exactly the 8 commands, with /admin limited to administrators (default_member_permissions 8)", async () => {
    const body = (await deployGlobally()).put.body as Array<{ name: string; default_member_permissions?: string | null }>;

    expect(body.map((c) => c.name).sort()).toEqual([...NAMES].sort());
    expect(body.find((c) => c.name === "admin")?.default_member_permissions).toBe("8");
    for (const c of body.filter((c) => c.name !== "admin")) expect(c.default_member_permissions ?? null, c.name).toBeNull();
  });

  it("flags the name options of /deal, /company, /compare and /sources for autocomplete, and caps every string option's length", async () => {
    const body = (await deployGlobally()).put.body as Array<{ name: string; options?: Option[] }>;
    const byName = new Map(body.map((c) => [c.name, flatten(c.options)]));

    const autocompleted = body.flatMap((c) => flatten(c.options).filter((o) => o.autocomplete).map((o) => `${c.name}.${o.name}`)).sort();
    expect(autocompleted).toEqual(["company.name", "compare.first", "compare.second", "deal.name", "sources.deal"]);
    expect(byName.get("ask")?.find((o) => o.name === "question")).toMatchObject({ type: STRING, max_length: 300 });
    expect(byName.get("ask")?.find((o) => o.name === "question")?.autocomplete ?? false).toBe(false);
    const strings = body.flatMap((c) => flatten(c.options).filter((o) => o.type === STRING).map((o) => ({ where: `${c.name}.${o.name}`, max: o.max_length })));
    expect(strings.length).toBeGreaterThanOrEqual(6);
    for (const s of strings) expect(s.max, s.where).toBeGreaterThan(0);
    expect(byName.get("admin")?.filter((o) => o.type === SUBCOMMAND).map((o) => o.name).sort()).toEqual(["insights", "reload", "status"]);
  });
});
