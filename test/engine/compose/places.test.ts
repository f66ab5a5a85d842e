import { describe, expect, it } from "vitest";
import { citiesAsked, placesIn } from "../../../src/engine/compose/places.js";

const noNames = () => false;

describe("placesIn", () => {
  it("finds countries, US states and places named by their noun", () => {
    expect(placesIn("A campus in Saline Township, Michigan, for OpenAI.", noNames)).toEqual(["Saline Township", "Michigan"]);
    expect(placesIn("Microsoft's investment in the United Arab Emirates and India.", noNames)).toEqual(["United Arab Emirates", "India"]);
  });

  it("takes a run after 'in' or 'at' as a place, but never a month or a company", () => {
    expect(placesIn("a lease at River Bend, signed in September", noNames)).toEqual(["River Bend"]);
    expect(placesIn("a deal announced in Acme Corp", (w) => w === "Acme Corp")).toEqual([]);
  });

  it("does not cut a place out of a longer word: 'Open' of OpenAI is no place", () => {
    expect(placesIn("OpenAI and Oracle in Texas", noNames)).toEqual(["Texas"]);
  });

  it("keeps a place whose name holds a state's name whole when its noun says so", () => {
    expect(placesIn("the data center in Port Washington, Wisconsin", noNames)).toEqual(["Port Washington", "Wisconsin"]);
  });
});

describe("citiesAsked", () => {
  it("finds a big city a question names, whole words only", () => {
    expect(citiesAsked("google's $15b ai hub in mumbai - how many gw")).toEqual(["Mumbai"]);
    expect(citiesAsked("stargate michigan up in detroit")).toEqual(["Detroit"]);
    expect(citiesAsked("the parisian campus")).toEqual([]);
  });
});
