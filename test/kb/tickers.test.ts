import { describe, expect, it } from "vitest";
import { EntityMatcher } from "../../src/engine/entity-matcher.js";
import type { Entity } from "../../src/kb/types.js";

const entity = (e: Partial<Entity> & Pick<Entity, "id" | "name">): Entity => ({ kind: "company", aliases: [], tickers: [], wordAliases: [], ...e });

describe("tickers match case-sensitively", () => {
  const matcher = new EntityMatcher(
    [entity({ id: "microsoft", name: "Microsoft", tickers: ["MSFT", "MS"] }), entity({ id: "arm", name: "Arm Holdings", tickers: ["ARM"] })],
    new Set(["arm", "ms"]),
  );
  const ids = (q: string) => matcher.recognise(q).map((m) => m.entityId);

  it("'MS OpenAI deal' means Microsoft", () => {
    expect(ids("How much is the MS OpenAI deal worth?")).toEqual(["microsoft"]);
  });

  it("the word 'arm' or 'ms' in lower case is not a ticker", () => {
    expect(ids("What deals has the cloud arm of Amazon signed?")).toEqual([]);
    expect(ids("latency in ms")).toEqual([]);
    expect(ids("Did ARM sign anything?")).toEqual(["arm"]);
  });
});
