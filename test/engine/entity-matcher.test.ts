import { beforeAll, describe, expect, it } from "vitest";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { bundledIndex } from "../helpers/bundled-index.js";

describe("EntityMatcher", () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await bundledIndex();
  });
  const ids = (q: string) => index.matcher.recognise(q).map((m) => m.entityId);

  it("recognises companies by name and alias, in the order they are written", () => {
    expect(ids("Did Amazon Web Services sign with OpenAI?")).toEqual(["aws", "openai"]);
    expect(ids("msft and nvda")).toEqual(["microsoft", "nvidia"]);
  });

  it("treats AWS and Amazon as one group", () => {
    const [aws] = index.matcher.recognise("AWS");
    const [amazon] = index.matcher.recognise("Amazon");
    expect(aws?.group).toBe(amazon?.group);
  });

  it("tolerates one typo in a longer name", () => {
    expect(ids("opnai amazn deal")).toEqual(["openai", "amazon"]);
    expect(ids("orcale and antropic")).toEqual(["oracle", "anthropic"]);
  });

  it("does not turn everyday words into companies", () => {
    expect(ids("which data deals are related to power and metal?")).toEqual([]);
  });

  it("reads possessives and hyphenated pairs", () => {
    expect(ids("OpenAI's AWS deal")).toEqual(["openai", "aws"]);
    expect(ids("the openai-oracle contract")).toEqual(["openai", "oracle"]);
  });
});
