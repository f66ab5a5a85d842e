import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** The smallest valid knowledge base: override or add files by relative path. */
export const MINIMAL: Record<string, string> = {
  "entities/companies.yaml": `entities:
  - { id: openai, name: OpenAI, kind: company, aliases: [Open AI] }
  - { id: aws, name: Amazon Web Services, kind: company, aliases: [AWS] }
  - { id: meta, name: Meta, kind: company, aliases: [Meta Platforms], wordAliases: [Meta], tickers: [META] }
`,
  "sources/article.yaml": `sources:
  - id: article
    title: Example article
    publisher: Example News
    published: "2025-11-04"
    dateBasis: page-metadata
    tier: B
    textFile: article.txt
`,
  "sources/article.txt": "OpenAI has signed a landmark $38 billion agreement with Amazon Web Services (AWS) to secure computing power.\n",
  "deals/openai-aws.yaml": `id: openai-aws
title: OpenAI–AWS agreement
type: cloud-capacity
status: signed
announced: "2025-11-03"
sourcing: vetted
summary: OpenAI buys cloud capacity from AWS.
parties:
  - { entity: openai, role: buyer }
  - { entity: aws, role: provider }
sources:
  - id: wire
    publisher: Wire
    url: https://example.com/wire
    tier: A
    excerpts:
      - "The deal is a seven-year partnership, the companies said."
facts:
  - id: openai-aws.value
    metric: deal-value
    value: 38000000000
    unit: USD
    asOf: "2025-11-03"
    source: article
    quote: "OpenAI has signed a landmark $38 billion agreement with Amazon Web Services (AWS)"
  - id: openai-aws.duration
    metric: duration
    value: 7
    unit: years
    asOf: "2025-11"
    source: wire
    quote: "a seven-year partnership"
`,
};

export async function makeDataDir(overrides: Record<string, string | null> = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "dealdesk-"));
  const dir = path.join(root, "data");
  const files = { ...MINIMAL, ...overrides };
  for (const [rel, text] of Object.entries(files)) {
    if (text === null) continue;
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

/** The minimal deal file with one line replaced, for one-mistake tests. */
export function dealWith(find: string, replace: string): Record<string, string> {
  const text = MINIMAL["deals/openai-aws.yaml"]!;
  if (!text.includes(find)) throw new Error(`fixture has no "${find}"`);
  return { "deals/openai-aws.yaml": text.replace(find, replace) };
}
