/** A modal as the bot sent it (callback type 9) turned into the components of the user's submit (type 5). */

type Json = Record<string, unknown>;

/**
 * Each text input comes back with its value, nested as it was shown: inside a label (type 18) or
 * an action row (type 1). Like Discord's client, this refuses a value for an input the modal does
 * not have, an empty required input, and a value over max_length.
 */
export function modalSubmitComponents(modal: Json, values: Record<string, string>): Json[] {
  const seen = new Set<string>();
  // Discord numbers the components the bot left unnumbered, in order.
  let nextId = 1;
  const idOf = (c: Json) => (typeof c["id"] === "number" ? c["id"] : nextId++);
  const input = (c: Json): Json => {
    const customId = String(c["custom_id"]);
    seen.add(customId);
    const value = values[customId] ?? "";
    if (c["required"] !== false && value === "") throw new Error(`fake-discord: modal input ${customId} is required`);
    if (typeof c["max_length"] === "number" && value.length > c["max_length"]) throw new Error(`fake-discord: modal input ${customId} is over max_length`);
    return { type: 4, id: idOf(c), custom_id: customId, value };
  };
  const out: Json[] = [];
  for (const top of (modal["components"] ?? []) as Json[]) {
    if (top["type"] === 18) {
      const inner = top["component"] as Json | undefined;
      const id = idOf(top);
      if (inner?.["type"] === 4) out.push({ type: 18, id, component: input(inner) });
    } else if (top["type"] === 1) {
      const id = idOf(top);
      const inputs = ((top["components"] ?? []) as Json[]).filter((c) => c["type"] === 4).map(input);
      out.push({ type: 1, id, components: inputs });
    }
  }
  for (const key of Object.keys(values)) if (!seen.has(key)) throw new Error(`fake-discord: the modal has no input ${key}`);
  return out;
}
