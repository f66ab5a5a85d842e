import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, configSchema, parseConfig } from "../src/config/config.js";

describe("parseConfig", () => {
  it("fills defaults when nothing is set, which is the offline console", () => {
    const config = parseConfig({});
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.DISCORD_API_BASE).toBe("https://discord.com/api");
    expect(config.DATA_DIR).toBe("data");
    expect(config.ADMIN_USER_IDS).toEqual([]);
  });

  it("treats a blank value as unset", () => {
    expect(parseConfig({ DISCORD_TOKEN: "  ", LOG_LEVEL: "" }).LOG_LEVEL).toBe("info");
  });

  it("splits the admin allowlist", () => {
    expect(parseConfig({ ADMIN_USER_IDS: "111111111111111111, 222222222222222222" }).ADMIN_USER_IDS).toEqual(["111111111111111111", "222222222222222222"]);
  });

  it.each([
    ["DISCORD_API_BASE", "not-a-url"],
    ["ADMIN_USER_IDS", "alice"],
    ["LOG_LEVEL", "chatty"],
    ["RATE_LIMIT_BURST", "zero"],
    ["SHARD_COUNT", "-2"],
    ["DATA_WATCH", "maybe"],
  ])("fails fast on a bad %s, naming it", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrowError(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrowError(new RegExp(`${name}: `));
  });

  it("never echoes the token in an error", () => {
    try {
      parseConfig({ DISCORD_TOKEN: "secret-token-value", LOG_LEVEL: "nope" });
    } catch (err) {
      expect(String(err)).not.toContain("secret-token-value");
    }
  });

  it("D4: does not echo a token pasted into the wrong setting", () => {
    const pasted = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.GaBcDe.supersecret-token-value-xyz";
    expect(() => parseConfig({ DISCORD_APPLICATION_ID: pasted })).toThrowError(/DISCORD_APPLICATION_ID: .*a value of 61 characters, not shown/);
    try {
      parseConfig({ DISCORD_APPLICATION_ID: pasted });
    } catch (err) {
      expect(String(err)).not.toContain("supersecret");
    }
    // A short, harmless value is still shown, since it helps.
    expect(() => parseConfig({ LOG_LEVEL: "chatty" })).toThrowError(/LOG_LEVEL: .*"chatty"/);
  });

  it("needs SHARD_COUNT for SHARD_IDS, and ids below it", () => {
    expect(() => parseConfig({ SHARD_IDS: "0" })).toThrowError(/SHARD_IDS/);
    expect(() => parseConfig({ SHARD_COUNT: "2", SHARD_IDS: "2" })).toThrowError(/below SHARD_COUNT/);
    expect(parseConfig({ SHARD_COUNT: "4", SHARD_IDS: "2,3" }).SHARD_IDS).toEqual([2, 3]);
  });

  it("is documented setting by setting in .env.example", () => {
    const example = readFileSync(".env.example", "utf8");
    for (const key of Object.keys(configSchema.shape)) expect(example).toMatch(new RegExp(`^${key}=`, "m"));
  });
});
