/** Charts through the real discord.js client: a PNG attachment shown as the embed's image, alt text as its description. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedRequest } from "../fake-discord/index.js";
import { ALICE, askSlash, callbackOf, CHANNEL_ID, GUILD, startHarness, type Harness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  // The chart worker starts with the bot; wait until it has rendered once so the first chart is not late.
  await h.bot.deps.charts.render({ kind: "ranking", title: "t", legend: [], notes: [], alt: "", panels: [{ unit: "USD", title: "", bars: [{ figures: [0], name: "a", value: 1, label: "1", superseded: false, series: 0 }] }] });
});

afterAll(async () => {
  await h?.stop();
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function expectChart(request: RecordedRequest, data: any): void {
  expect(request.headers["content-type"]).toMatch(/^multipart\/form-data/);
  expect(request.files).toHaveLength(1);
  const [file] = request.files;
  expect(file).toMatchObject({ field: "files[0]", name: "chart.png", contentType: "image/png" });
  expect(file!.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(data.embeds[0].image).toEqual({ url: "attachment://chart.png" });
  expect(data.attachments).toHaveLength(1);
  expect(data.attachments[0].description.length).toBeGreaterThan(20);
  expect(data.allowed_mentions).toEqual({ parse: [] });
}

describe("chart attachments", () => {
  it("/compare replies with the chart as a multipart upload, the embed's image and alt text, mentions still off", async () => {
    const sent = h.fake.sendSlashCommand({
      guildId: GUILD.id, channelId: CHANNEL_ID, user: ALICE, name: "compare",
      options: [{ name: "first", type: 3, value: "OpenAI Oracle" }, { name: "second", type: 3, value: "OpenAI AWS" }],
    });
    const callback = await callbackOf(h.fake, sent);

    expect(callback).toMatchObject({ method: "POST", status: 204, body: { type: 4 } });
    expectChart(callback, callback.body.data);
    expect(callback.body.data.attachments[0].description).toMatch(/^Bar chart comparing OpenAI–Oracle and OpenAI–AWS/);
    expect(callback.body.data.embeds[0].description).toContain("**$300 billion**");
  });

  it("/ask for a ranking attaches a chart whose alt text names the largest deal", async () => {
    const callback = await askSlash(h, ALICE, "biggest OpenAI deals");

    expectChart(callback, callback.body.data);
    expect(callback.body.data.attachments[0].description).toContain("Stargate Project");
  });

  it("a single undisputed figure gets no chart: a plain JSON reply without files", async () => {
    const callback = await askSlash(h, ALICE, "How much is OpenAI's AWS deal worth?");

    expect(callback.files).toEqual([]);
    expect(callback.headers["content-type"]).toMatch(/^application\/json/);
    expect(callback.body.data.embeds[0].image).toBeUndefined();
  });

  it("a DM asking for a total is answered with the stacked-bar chart attached", async () => {
    const user = { id: "1500000000000000777", username: "chart-dm" };
    const sent = h.fake.sendDirectMessage({ user, content: "how much has OpenAI committed in total?" });
    const reply = await h.fake.waitForRequest((r) => r.method === "POST" && r.path === `/channels/${sent.channelId}/messages` && r.body?.message_reference?.message_id === sent.id);

    expectChart(reply, reply.body);
    expect(reply.body.attachments[0].description).toMatch(/^Stacked bar/);
  });
});
