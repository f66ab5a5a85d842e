import { SlashCommandBuilder } from "discord.js";
import { compareCard } from "../src/engine/cards.js";
import { dealChoices } from "../src/engine/lookup.js";
import { pickDeal } from "../src/discord/pick.js";
import { withChart } from "../src/discord/chart-reply.js";
import { answerReply } from "../src/discord/replies.js";
import { type Command, UserError } from "../src/discord/types.js";

export default {
  data: new SlashCommandBuilder()
    .setName("compare")
    .setDescription("Two deals side by side")
    .addStringOption((o) => o.setName("first").setDescription("The first deal").setRequired(true).setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) => o.setName("second").setDescription("The second deal").setRequired(true).setAutocomplete(true).setMaxLength(100)),
  async autocomplete(interaction, deps) {
    await interaction.respond(dealChoices(deps.live.get(), interaction.options.getFocused()));
  },
  async execute(interaction, deps) {
    const index = deps.live.get();
    const first = pickDeal(index, interaction.options.getString("first", true));
    const second = pickDeal(index, interaction.options.getString("second", true));
    if (first.id === second.id) throw new UserError("Pick two different deals to compare.");
    const answer = compareCard(index, first, second);
    await interaction.reply(await withChart(answerReply(answer, index, false, "Comparison"), answer, index, deps));
  },
} satisfies Command;
