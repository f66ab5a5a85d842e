import type { Deal, Entity } from "../kb/types.js";
import { findCompany, findDeal } from "../engine/lookup.js";
import type { SearchIndex } from "../engine/search-index.js";
import { UserError } from "./types.js";

/** The deal a user picked or typed; an unknown one is the user's to fix, with a message saying how. */
export function pickDeal(index: SearchIndex, name: string): Deal {
  const deal = findDeal(index, name);
  if (!deal) throw new UserError(`I don't know a deal called “${name}”. Pick one from the list as you type.`);
  return deal;
}

export function pickCompany(index: SearchIndex, name: string): Entity {
  const company = findCompany(index, name);
  if (!company) throw new UserError(`I don't know a company called “${name}”. Pick one from the list as you type.`);
  return company;
}
