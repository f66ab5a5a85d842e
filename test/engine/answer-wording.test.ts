import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/engine/answer-model.js";
import { answerQuestion, EMPTY_CONTEXT } from "../../src/engine/answer.js";
import type { SearchIndex } from "../../src/engine/search-index.js";
import { renderBody } from "../../src/render/plain.js";
import { statedFigures as readFigures } from "../../src/engine/read/figures-and-times.js";
import { bundledIndex } from "../helpers/bundled-index.js";

/**
 * Mechanisms for wording the tuning sets showed and no rule of one phrasing covers: places,
 * periods, terms, people, follow-ups that swap a company, stated totals. Each is asked on the
 * bundled data, and each expectation names the fact a right answer gives.
 */

let index: SearchIndex;
beforeAll(async () => {
  index = await bundledIndex();
});
const ask = (q: string) => answerQuestion(index, q).answer;
const primaryIds = (a: Answer) => a.primary.map((i) => a.figures[i]?.factId);
function last(...questions: string[]): Answer {
  let ctx = EMPTY_CONTEXT;
  let answer: Answer | undefined;
  for (const q of questions) ({ answer, context: ctx } = answerQuestion(index, q, ctx));
  return answer!;
}

describe("premises the question states in passing", () => {
  it("corrects a city the deal is not in, naming the deal's own place", () => {
    const a = ask("google's $15b ai hub in mumbai - how many gw");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).toMatch(/Visakhapatnam.*not Mumbai/);
  });

  it("reads a term the deal never gives as a description, not a false claim", () => {
    const a = ask("claude maker's big 5yr google cloud spend commitment, how much");
    expect(a.outcome).toBe("answered");
    expect(primaryIds(a)[0]).toMatch(/^anthropic-google-cloud-2026\.value/);
  });

  it("reads 'thru 2029' and '2026-29' as the period of a pledge, not the year it was announced", () => {
    expect(primaryIds(ask("how much dough is microsoft throwing at australia for ai + cloud thru 2029"))[0]).toMatch(/^microsoft-australia-2026\.pledge/);
    expect(primaryIds(ask("how much is satya droppin in india 2026-29"))[0]).toMatch(/^microsoft-india-2025\.pledge/);
  });

  it("does not confirm a small figure a whole unit off, and corrects it with the deal's whole", () => {
    const a = ask("the stargate campus in abilene is 2 gigawatts right?");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).toMatch(/1\.2 GW/);
  });

  it("corrects the year of a deal while giving the figure asked", () => {
    const a = ask("google's $40b investment in anthropic back in 2024 - how much was upfront");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).toMatch(/2026/);
    expect(renderBody(a)).toMatch(/\$10 billion/);
  });
});

describe("figures stated to be confirmed", () => {
  it("corrects every stated figure the deal does not hold, one of each kind", () => {
    const a = ask("akamai's anthropic contract is 12 years and $5b, right?");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).toMatch(/\$1\.8 billion/);
    expect(renderBody(a)).toMatch(/seven years/);
  });

  it("reads a stated percent as a stake asked, though a date word ('ended up') is the only cue", () => {
    const a = ask("did microsoft end up with 60% of openai?");
    expect(a.outcome).toBe("corrected");
    expect(a.figures.map((f) => f.factId)).toContain("microsoft-openai-2025.microsoft-stake");
  });

  it("reads a stake sold as equity taken, not as a supply the seller gave", () => {
    const a = ask("intel sold 25% of itself to the government right");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).not.toMatch(/supplying/);
    expect(renderBody(a)).toMatch(/10%/);
  });
});

describe("the year and currency a question claims", () => {
  it("corrects a wrong year claimed beside a right figure, naming the deal's own date", () => {
    const a = ask("openai's aws deal got signed back in 2023 for 38 billion right?");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).toMatch(/November 2025/);
  });

  it("reads a pound sign as pounds: a right £ figure is not called wrong", () => {
    const a = ask("microsoft's uk programme is £30bn right?");
    expect(renderBody(a)).toMatch(/£22 billion/);
    expect(readFigures("the £22bn uk thing, a$25b to 2029, €5bn")).toEqual([
      { value: 22e9, unit: "GBP" },
      { value: 25e9, unit: "AUD" },
      { value: 5e9, unit: "EUR" },
    ]);
  });
});

describe("months and parts named in passing", () => {
  it("does not take a month a figure is compared with ('up from July') as the figure's own month", () => {
    const a = last("what was alphabet's capex guidance for 2025", "and what did they raise it to in july");
    expect(primaryIds(a)[0]).toMatch(/^alphabet-capex-2025\.plan-july/);
  });

  it("reads a phase said to be included ('including phase two') as part of the whole asked, not as the part asked", () => {
    expect(primaryIds(ask("crusoe and blue owl's abilene venture, total size including phase two?"))).toEqual(["crusoe-blue-owl-abilene-jv-2024.jv-total"]);
  });
});

describe("a total claimed of a deal and its revision", () => {
  it("is corrected by the combined figure the revision records", () => {
    const a = last("meta's 2025 coreweave contract value", "so both contracts combined make roughly 55 billion?");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).toMatch(/\$35 billion/);
  });
});

describe("'on top'", () => {
  it("reads 'on top' as an addition, not a ranking, and answers with the incremental figure", () => {
    expect(primaryIds(ask("how much more azure is openai committing to on top"))).toEqual(["microsoft-openai-2025.azure-commitment-incremental"]);
  });

  it("reads a company set beside the one asked ('besides microsoft', 'on top of amazon') as not asked about", () => {
    expect(primaryIds(ask("besides microsoft, how much is nvidia putting into anthropic"))[0]).toMatch(/^anthropic-microsoft-nvidia-2025\.nvidia/);
  });
});

describe("several figures asked in a list", () => {
  it("answers a bare 'term' in a list of asks with how long the deal runs", () => {
    const a = ask("microsoft iren contract: value, term?");
    expect(renderBody(a)).toMatch(/\$9\.7 billion/);
    expect(renderBody(a)).toMatch(/five years/);
  });
});

describe("what a deal could become", () => {
  it("answers 'could eventually' with the figure reported as possible, not the one committed", () => {
    expect(primaryIds(ask("how big could the helios campus eventually get"))).toEqual(["galaxy-coreweave-helios-2025.campus-potential"]);
  });
});

describe("the one deal of a pair", () => {
  it("answers 'the oracle openai contract' from the deal titled for the two, not another deal they are both in", () => {
    expect(primaryIds(ask("when does the oracle openai contract start"))[0]).toMatch(/^openai-oracle-2025\./);
  });
});

describe("a kind of thing asked, not a count", () => {
  it("answers 'which/what kind of X' with the term that names that kind of thing", () => {
    expect(primaryIds(ask("what kind of nvidia systems is lambda putting in for microsoft"))).toEqual(["microsoft-lambda-2025.chip-model"]);
    expect(renderBody(ask("which nvidia chips does aws give openai"))).toMatch(/GB200 and GB300/);
  });
});

describe("a combined total of a deal and its revision", () => {
  it("answers the total of the two with the figure recorded for the two, not the addition alone", () => {
    const a = last("meta coreweave 2025 contract, how much", "and how much did the 2026 expansion add", "so what's the total of the two combined");
    expect(primaryIds(a)[0]).toMatch(/^meta-coreweave-2026\.combined-value/);
  });
});

describe("additions asked loosely", () => {
  it("reads 'top it up' as an addition and a season as its months, not as a ranking", () => {
    const a = last("what's meta's coreweave contract worth", "did they top it up last spring? by how much");
    expect(primaryIds(a)).toEqual(["meta-coreweave-2026.expansion-value"]);
  });
});

describe("a place asked with 'state'", () => {
  it("reads 'which state is X in' as a place, not a statement", () => {
    expect(renderBody(ask("what state is the crusoe abilene campus in"))).toMatch(/Texas/);
  });
});

describe("a company that is itself a deal's subject", () => {
  it("takes the deal whose title opens with the one company named (the Stargate Project) over deals it partners in", () => {
    expect(renderBody(ask("what date was stargate announced"))).toMatch(/Stargate Project.*21 January 2025/);
  });
});

describe("who reported a deal first", () => {
  it("names the outlet the deal record dates the first report to, with its citation", () => {
    const a = ask("who had the scoop on the meta oracle cloud talks");
    expect(renderBody(a)).toMatch(/Bloomberg reported/);
  });
});

describe("a whole whose parts are linked", () => {
  it("gives the whole where a company's name only says which deal, and both parts of a split", () => {
    expect(primaryIds(ask("openai's march 2025 softbank-led round, how much"))[0]).toMatch(/^softbank-openai-2025\.round/);
    expect(primaryIds(ask("google anthropic investment 2026 how much"))[0]).toMatch(/^google-anthropic-investment-2026\.value/);
    const split = renderBody(ask("colossus 2 financing for xai: equity vs debt?"));
    expect(split).toMatch(/\$7\.5 billion/);
    expect(split).toMatch(/\$12\.5 billion/);
  });
});

describe("a deal's whole and its parts", () => {
  it("gives the whole where no part is asked, and the part where its own word is used", () => {
    expect(primaryIds(ask("how much power does meta get from the clinton nuclear plant deal"))).toEqual(["meta-constellation-clinton-2025.capacity"]);
    expect(primaryIds(ask("how much power comes from the uprates at clinton"))[0]).toMatch(/^meta-constellation-clinton-2025\.uprate/);
  });
});

describe("figures since replaced", () => {
  it("gives the replaced figure, with what replaced it, when the question asks what was meant to happen", () => {
    const a = ask("what was nvidia reportedly going to invest in openai");
    expect(primaryIds(a)[0]).toMatch(/^nvidia-openai-2025\.value/);
    expect(renderBody(a)).toMatch(/superseded/);
  });
});

describe("money said to have moved under a deal that fell through", () => {
  it("corrects it with the deal's status and what replaced it, giving no figure as paid", () => {
    const a = ask("nvidia has already paid openai the whole 100 billion right?");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).toMatch(/scrapped/);
    expect(renderBody(a)).not.toMatch(/\(amazon-openai-2026\)/);
  });
});

describe("places a deal is not in", () => {
  it("corrects another country named for a deal placed only in the US", () => {
    const a = ask("how big is stargate france");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).toMatch(/not France/);
  });
});

describe("a figure claimed for the wrong part", () => {
  it("corrects an eventual figure claimed for the start with the start's own figure", () => {
    const a = ask("stargate uk gives openai 31,000 gpus from the outset, correct?");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).toMatch(/8,000 GPUs/);
  });
});

describe("acquisitions that did not happen", () => {
  it("reads buying a company whose name has a commodity word ('bloom energy') as an acquisition, and corrects it", () => {
    const a = ask("why did brookfield buy bloom energy");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).toMatch(/don't report Brookfield[A-Za-z ]* acquiring Bloom Energy/);
  });
});

describe("a deal's own figure over another scope's", () => {
  it("answers the county's bonds for the jupiter bonds, and Oracle's separate debt only when asked", () => {
    expect(primaryIds(ask("jupiter campus bonds in new mexico - how large"))[0]).toMatch(/^project-jupiter-2025\.irb-ceiling/);
    expect(primaryIds(ask("what is oracle's separate debt financing for project jupiter"))).toEqual(["project-jupiter-2025.oracle-debt"]);
  });

  it("gives a current count, not a target labelled as not the current one", () => {
    expect(renderBody(ask("project rainier: how many trainium2 chips are running there now"))).toMatch(/500,000/);
  });
});

describe("a part and its whole, both linked", () => {
  it("gives the whole where none of the part's own words is asked, and the part where they are", () => {
    expect(primaryIds(last("microsoft's uae pledge, how much", "and what's been spent of it already?"))).toEqual(["microsoft-uae-2025.spent-so-far"]);
    expect(primaryIds(last("microsoft's uae pledge, how much", "how much already went into ai and cloud datacenters?"))).toEqual(["microsoft-uae-2025.datacenters-so-far"]);
  });
});

describe("what a figure counts in", () => {
  it("reads 'if you count debt' as what the figure includes, not as the quantity asked or a count", () => {
    expect(primaryIds(ask("the blackrock microsoft ai infra partnership, what could it deploy if u count debt"))).toEqual(["ai-infrastructure-partnership-2024.total-with-debt"]);
  });
});

describe("money already moved", () => {
  it("answers 'already sent' with the amount already transferred, not the deal's whole", () => {
    expect(primaryIds(ask("how much has nvda already sent groq"))).toEqual(["nvidia-groq-2025.paid-so-far"]);
  });
});

describe("a part set aside", () => {
  it("does not answer the part a question sets aside ('not the whole campus')", () => {
    const body = renderBody(ask("what's the iren microsoft contract's capacity in MW, not the entire childress campus"));
    expect(body).toMatch(/200 MW/);
    expect(body).not.toMatch(/750 MW/);
  });
});

describe("standing and firmness a question claims", () => {
  it("corrects a deal called signed that is only talks, and a ceiling called firm with the firm figure", () => {
    const signed = ask("what's the signed oracle meta cloud deal worth");
    expect(signed.outcome).toBe("corrected");
    expect(renderBody(signed)).toMatch(/no signed agreement/);
    const firm = ask("nebius and meta locked in a firm $27 billion, yeah?");
    expect(firm.outcome).toBe("corrected");
    expect(renderBody(firm)).toMatch(/ceiling, not a firm amount[\s\S]*\$12 billion/);
  });
});

describe("guesses and advice asked in passing", () => {
  it("refuses a guess at a date and advice to dump shares, but not a question that merely says 'guess what'", () => {
    expect(ask("when does nscale hit full capacity in norway? take a guess").outcome).toBe("refused");
    expect(ask("after the openai warrant news should i ditch my amd stock").outcome).toBe("refused");
    expect(ask("guess what i learned about the openai aws deal, how much is it").outcome).toBe("answered");
  });
});

describe("slang for gigawatts", () => {
  it("reads 'gigs' as gigawatts, asked or stated", () => {
    expect(primaryIds(ask("how many gigs is the stargate uae campus"))[0]).toMatch(/^stargate-uae-2025\./);
    expect(renderBody(ask("how many gigs is the stargate uae campus"))).toMatch(/GW/);
    expect(ask("amd meta deal is 10 gigs right?").outcome).toBe("corrected");
  });
});

describe("whose shares a warrant is for", () => {
  it("corrects a warrant said to be on the other company's shares, and keeps an exchange of one's shares for the other's", () => {
    const a = ask("amd gave openai warrants on 160 million openai shares right?");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).toMatch(/the shares are AMD/);
    expect(ask("whats the exchange ratio for xai shares into spacex stock").outcome).toBe("answered");
  });
});

describe("whose share a stated percent is", () => {
  it("corrects a share claimed for the wrong holder with the true holder's and the claimed one's own", () => {
    const a = ask("does blue owl own 20% of the hyperion jv?");
    expect(a.outcome).toBe("corrected");
    expect(renderBody(a)).toMatch(/not Blue Owl/);
    expect(renderBody(a)).toMatch(/80%/);
    expect(renderBody(ask("microsoft owns 26% of openai now right?"))).toMatch(/about 27%/);
  });
});

describe("whose money a figure is", () => {
  it("never gives another company's own spending as what the company asked about pays", () => {
    const a = ask("how much did microsoft pay to get three mile island restarted");
    expect(a.outcome).not.toBe("answered");
    expect(primaryIds(a)).not.toContain("microsoft-constellation-tmi-2024.restart-cost");
  });
});

describe("names and follow-ups", () => {
  it("reads a company before a verb and a product as the one acting, not as the product's maker", () => {
    const a = ask("apple leasing gpus from nvidia, how many");
    expect(a.outcome).not.toBe("answered");
    expect(renderBody(a)).toMatch(/no deal between Apple and Nvidia/);
  });

  it("takes a chief executive's name for their company", () => {
    expect(primaryIds(ask("jensens groq deal, how much was it"))).toEqual(["nvidia-groq-2025.value"]);
  });

  it("puts a newly named co-investor in the place of the one on its own side, in the deal just discussed", () => {
    const a = last("how much is amzn putting into oai in that big feb 2026 round", "how much of that comes upfront", "and softbank's piece?");
    expect(primaryIds(a)).toEqual(["amazon-openai-2026.softbank-investment"]);
  });
});

describe("totals", () => {
  it("answers a total with the deal's own stated total rather than one of its parts", () => {
    expect(primaryIds(ask("openai + coreweave, all the contracts added up?"))).toEqual(["openai-coreweave-2025.total-value"]);
    expect(primaryIds(ask("how much has jpmorgan lent on abilene altogether"))).toEqual(["crusoe-blue-owl-abilene-jv-2024.jpmorgan-loans-total"]);
  });

  it("never sums other deals when the question points at one", () => {
    const a = ask("how much of the $100bn has nvidia wired to openai so far under that deal");
    expect(a.figures.some((f) => f.computedFrom !== undefined)).toBe(false);
    expect(renderBody(a)).toMatch(/scrapped/);
  });
});
