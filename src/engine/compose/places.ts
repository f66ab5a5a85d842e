/**
 * Place names in a deal's own words: countries (from the runtime's ICU region names), US states,
 * and runs of capitalised words that end in a place noun ("Saline Township", "Shackelford County")
 * or follow "in"/"at"/"near" ("in Port Washington", "at River Bend"). A word glued to more capitals
 * ("Open" of "OpenAI") is no word.
 */

const US_STATES = [
  "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia",
  "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
  "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
  "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
  "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
  "West Virginia", "Wisconsin", "Wyoming",
];

function countryNames(): string[] {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      try {
        const name = names.of(code);
        if (name && name !== code && !/\d|Unknown|World/.test(name)) out.push(name);
      } catch {
        // Not a region code.
      }
    }
  }
  return out;
}

let known: ReadonlySet<string> | undefined;
/** A country, US state or region of the gazetteer ("India", "Texas", "UAE"), as opposed to a local place name. */
export const knownPlace = (place: string): boolean => knownPlaces().has(place);

function knownPlaces(): ReadonlySet<string> {
  known ??= new Set([...countryNames(), ...US_STATES, "UK", "UAE", "US", "U.S.", "Europe", "Middle East"]);
  return known;
}

const TIME_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4])\b/;
const PLACE_NOUN = /\s(?:County|Township|Parish|City|Province|State|Region|Island|Bay|Park|Valley)$/;
const RUN = /(?<![\p{L}])\p{Lu}[\p{Ll}]+(?:\s+\p{Lu}[\p{Ll}]+)*(?![\p{L}])|\b(?:UAE|UK|US|U\.S\.)(?![\p{L}])/gu;

/** Places named in `text`, in order of first mention, without repeats and without what `isName` calls a company or project. */
export function placesIn(text: string, isName: (words: string) => boolean): string[] {
  const places = knownPlaces();
  const out: string[] = [];
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    const before = text.slice(Math.max(0, (m.index ?? 0) - 6), m.index ?? 0);
    const inside = [...places].filter((p) => p.includes(" ") && run.includes(p)).sort((a, b) => b.length - a.length)[0] ?? knownWord(run, places);
    // A place by name, by its noun ("Saline Township"), a known place within a longer run, or a run after "in"/"at".
    const afterPreposition = /\b(?:in|at|near)\s$/.test(before) && !TIME_WORD.test(run) && !isName(run);
    // "in Port Washington": a run after a preposition that ends in a known name is a place of its own.
    const whole = places.has(run) || PLACE_NOUN.test(run) || (afterPreposition && (inside === undefined || run.endsWith(` ${inside}`)));
    const candidate = whole ? run : inside;
    if (candidate === undefined || out.includes(candidate)) continue;
    out.push(candidate);
  }
  return out;
}

/** A known place among the words of a run ("Texas" in "Abilene Texas"). */
function knownWord(run: string, places: ReadonlySet<string>): string | undefined {
  return run.split(/\s+/).find((w) => places.has(w));
}

const STATE_SET: ReadonlySet<string> = new Set(US_STATES);

/** US states and countries a question names ("hyperion data center in texas"), as the gazetteer spells them. */
export function placesAsked(lower: string): string[] {
  const out: string[] = [];
  for (const p of knownPlaces()) {
    if (p.length < 4 || p === "Europe" || p === "Middle East") continue;
    const at = lower.indexOf(p.toLowerCase());
    if (at < 0) continue;
    const before = lower[at - 1] ?? " ";
    const after = lower[at + p.length] ?? " ";
    if (!/[\p{L}\d]/u.test(before) && !/[\p{L}\d]/u.test(after)) out.push(p);
  }
  // "West Virginia" is asked, not also "Virginia".
  return out.filter((p) => !out.some((o) => o !== p && o.includes(p)));
}

/**
 * Big cities people name a deal by ("the ai hub in mumbai", "stargate michigan up in detroit"), each
 * with its state or country. A city asked is compared with the deal's own local places: a deal placed
 * in Visakhapatnam is not in Mumbai. Cities the data itself names are found in its words first.
 */
const CITIES: Readonly<Record<string, string>> = {
  Mumbai: "India", Delhi: "India", "New Delhi": "India", Bangalore: "India", Bengaluru: "India", Chennai: "India", Hyderabad: "India", Pune: "India", Kolkata: "India",
  Detroit: "Michigan", "Grand Rapids": "Michigan", Chicago: "Illinois", Houston: "Texas", Dallas: "Texas", Austin: "Texas", "San Antonio": "Texas", "Fort Worth": "Texas",
  Phoenix: "Arizona", Atlanta: "Georgia", "Los Angeles": "California", "San Francisco": "California", "San Jose": "California", Seattle: "Washington",
  Boston: "Massachusetts", Denver: "Colorado", "Las Vegas": "Nevada", "Salt Lake City": "Utah", Nashville: "Tennessee", Columbus: "Ohio", Cleveland: "Ohio",
  Pittsburgh: "Pennsylvania", Philadelphia: "Pennsylvania", Miami: "Florida", Orlando: "Florida", Minneapolis: "Minnesota", Milwaukee: "Wisconsin",
  "New Orleans": "Louisiana", Albuquerque: "New Mexico", Omaha: "Nebraska", "Kansas City": "Missouri", Charlotte: "North Carolina", Richmond: "Virginia",
  London: "United Kingdom", Manchester: "United Kingdom", Edinburgh: "United Kingdom", Paris: "France", Marseille: "France", Berlin: "Germany", Frankfurt: "Germany", Munich: "Germany",
  Tokyo: "Japan", Osaka: "Japan", Seoul: "South Korea", Sydney: "Australia", Melbourne: "Australia", Brisbane: "Australia", Perth: "Australia",
  Riyadh: "Saudi Arabia", Jeddah: "Saudi Arabia", Dammam: "Saudi Arabia", Dubai: "United Arab Emirates", "Abu Dhabi": "United Arab Emirates", Doha: "Qatar",
  Toronto: "Canada", Montreal: "Canada", Vancouver: "Canada", Oslo: "Norway", Stockholm: "Sweden", Helsinki: "Finland", Copenhagen: "Denmark",
  Lisbon: "Portugal", Porto: "Portugal", Madrid: "Spain", Barcelona: "Spain", Amsterdam: "Netherlands", Dublin: "Ireland", Milan: "Italy", Rome: "Italy", Zurich: "Switzerland",
  "Buenos Aires": "Argentina", "Sao Paulo": "Brazil", "São Paulo": "Brazil", "Mexico City": "Mexico", Jakarta: "Indonesia", Shanghai: "China", Beijing: "China",
  "Hong Kong": "China", "Kuala Lumpur": "Malaysia", Bangkok: "Thailand", Manila: "Philippines",
};

/** Cities a question names, as spelt above. */
export function citiesAsked(lower: string): string[] {
  return Object.keys(CITIES).filter((c) => new RegExp(`(?<![\\p{L}])${c.toLowerCase()}(?![\\p{L}])`, "u").test(lower));
}

/** A US state, as opposed to a country: places are compared only with their own kind. */
export const isUsState = (place: string): boolean => STATE_SET.has(place);
