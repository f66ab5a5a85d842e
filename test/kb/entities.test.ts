import { describe, expect, it } from "vitest";
import { isCommonWord } from "../../src/kb/common-words.js";
import { loadKnowledgeBase } from "../../src/kb/load.js";
import { formatLoadError, type LoadResult } from "../../src/kb/types.js";
import { MINIMAL, makeDataDir } from "../helpers/data-dir.js";

function errorsOf(result: LoadResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatLoadError);
}

const COMPANIES = MINIMAL["entities/companies.yaml"]!;
const withCompany = (line: string) => ({ "entities/companies.yaml": `${COMPANIES}  - ${line}\n` });

describe("aliases are safe", () => {
  it("rejects an alias shared by two entities, case-insensitively", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(withCompany("{ id: other, name: Other Co, kind: company, aliases: [aws] }"))));
    expect(errors).toContain('data/entities/companies.yaml: entities[3].aliases[0]: "aws" is also a name or alias of entity "aws"; an alias may belong to one entity only');
  });

  it("rejects a ticker that is another entity's alias", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(withCompany("{ id: other, name: Other Co, kind: company, tickers: [AWS] }"))));
    expect(errors.join("\n")).toMatch(/entities\[3\]\.tickers\[0\]: "AWS" is also a name or alias of entity "aws"/);
  });

  it("requires tickers in capitals", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(withCompany("{ id: morgan-stanley, name: Morgan Stanley, kind: company, tickers: [Ms] }"))));
    expect(errors).toContain("data/entities/companies.yaml: entities[3].tickers[0]: must be an all-caps ticker or abbreviation, e.g. MS");
  });

  it("rejects a common English word as a name or alias unless it is listed in wordAliases", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(withCompany("{ id: oracle, name: Oracle, kind: company }"))));
    expect(errors).toContain(
      'data/entities/companies.yaml: entities[3].name: "Oracle" is a common English word; list it in wordAliases to match it on purpose, or use an all-caps ticker',
    );
    const alias = errorsOf(await loadKnowledgeBase(await makeDataDir(withCompany("{ id: arm, name: Arm Holdings, kind: company, aliases: [Arm] }"))));
    expect(alias.join("\n")).toMatch(/entities\[3\]\.aliases\[0\]: "Arm" is a common English word/);
    const marked = await loadKnowledgeBase(await makeDataDir(withCompany("{ id: oracle, name: Oracle, kind: company, wordAliases: [Oracle], tickers: [ORCL] }")));
    expect(marked.ok).toBe(true);
  });

  it("uses a sound common-word rule: dictionary words that people actually use, not coined names", () => {
    for (const w of ["Oracle", "Meta", "Arm", "son", "Cipher", "Vantage", "Apple", "owl"]) expect(isCommonWord(w), w).toBe(true);
    for (const w of ["Nscale", "Nebius", "CoreWeave", "Crusoe", "OpenAI", "Blue Owl", "xAI", "Colossus 2", "Anthropic"]) expect(isCommonWord(w), w).toBe(false);
  });
});

describe("entity files are named by what they hold", () => {
  it("rejects an entity whose kind does not match its file", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir(withCompany("{ id: sam-altman, name: Sam Altman, kind: person }"))));
    expect(errors).toContain('data/entities/companies.yaml: entities[3].kind: "person" does not belong in companies.yaml, which holds company entities');
  });

  it("rejects an entity file named after who wrote it", async () => {
    const errors = errorsOf(await loadKnowledgeBase(await makeDataDir({ "entities/helper-a.yaml": "entities:\n  - { id: nscale, name: Nscale, kind: company }\n" })));
    expect(errors.join("\n")).toMatch(/data\/entities\/helper-a\.yaml: entities\[0\]: entity files are named by what they hold \(companies\.yaml, people\.yaml/);
  });

  it("accepts people, projects, funds and governments in their own files", async () => {
    const result = await loadKnowledgeBase(
      await makeDataDir({
        "entities/people.yaml": "entities:\n  - { id: sam-altman, name: Sam Altman, kind: person, parent: openai }\n",
        "entities/projects.yaml": "entities:\n  - { id: stargate, name: Stargate, kind: project }\n",
        "entities/funds.yaml": "entities:\n  - { id: mgx, name: MGX, kind: fund }\n",
        "entities/governments.yaml": "entities:\n  - { id: uae, name: United Arab Emirates, kind: government, tickers: [UAE] }\n",
      }),
    );
    if (!result.ok) throw new Error(result.errors.map(formatLoadError).join("\n"));
    expect(result.kb.entities.get("uae")?.tickers).toEqual(["UAE"]);
  });
});
