import { describe, expect, it } from "vitest";
import type { EntityMention } from "../../../src/engine/entity-matcher.js";
import { type ReaderKnowledge, readQuestion } from "../../../src/engine/read/read-question.js";

/** Three companies and nothing else: enough to read who does what to whom. */
const COMPANIES = ["nscale", "microsoft", "amazon", "anthropic", "openai"];
const knowledge: ReaderKnowledge = {
  recognise(question: string): EntityMention[] {
    const words = question.toLowerCase().split(/[^a-z]+/);
    return COMPANIES.flatMap((name) => {
      const position = words.indexOf(name);
      return position < 0 ? [] : [{ entityId: name, group: name, position, exact: true, text: name }];
    });
  },
  entityKind: () => "company",
  hasDeals: () => true,
  dataWords: new Set(COMPANIES),
  dealsUsing: () => 1,
  properPair: () => false,
};

const read = (q: string) => {
  const r = readQuestion(knowledge, q);
  return { relation: r.relation, quantity: r.quantity, actor: r.premise.actor, target: r.premise.target };
};

describe("phrasings of one relation read the same", () => {
  it("deploying, putting in, installing and rolling out are all a supply of chips", () => {
    const forms = ["deploying", "putting in", "installing", "rolling out", "deployed", "installed", "rolled out", "put in"];
    const readings = forms.map((f) => read(`how many gpus is nscale ${f} for microsoft`));
    for (const r of readings) expect(r).toEqual({ relation: "supply", quantity: "chips", actor: "nscale", target: "microsoft" });
  });

  it("a chip's model number in the plural still names chips", () => {
    expect(read("how many gb300s is nscale deploying for microsoft")).toEqual({ relation: "supply", quantity: "chips", actor: "nscale", target: "microsoft" });
  });

  it("shelling out and paying are the same payment", () => {
    const forms = ["paying", "shelling out", "pays", "paid", "spent"];
    const readings = forms.map((f) => read(`how much is openai ${f} to amazon`));
    for (const r of readings) expect(r).toEqual({ relation: "pay", quantity: "spending", actor: "openai", target: "amazon" });
  });

  it("bought and acquired are the same acquisition", () => {
    expect(read("did microsoft buy openai")).toEqual({ relation: "acquire", quantity: null, actor: "microsoft", target: "openai" });
    for (const f of ["bought", "acquired", "buying", "acquiring"]) {
      expect(read(`has microsoft ${f} openai`).relation).toBe("acquire");
      expect(read(`has microsoft ${f} openai`).actor).toBe("microsoft");
    }
  });

  it("a word outside the cues keeps no relation, so the test can fail", () => {
    expect(read("how many gpus is nscale painting for microsoft").relation).toBeNull();
  });
});
