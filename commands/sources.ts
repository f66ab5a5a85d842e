import { SlashCommandBuilder } from "discord.js";
import { sourcesCard } from "../src/engine/cards.js";
import { dealChoices } from "../src/engine/lookup.js";
import { pickDeal } from "../src/discord/pick.js";
import { answerReply } from "../src/discord/replies.js";
import type { Command } from "../src/discord/types.js";

export default {
  data: new SlashCommandBuilder()
    .setName("sources")
    .setDescription("The sources behind a deal, with reliability tier, date, link and quote")
    .addStringOption((o) => o.setName("deal").setDescription("Start typing a deal or company name").setRequired(true).setAutocomplete(true).setMaxLength(100)),
  async autocomplete(interaction, deps) {
    await interaction.respond(dealChoices(deps.live.get(), interaction.options.getFocused()));
  },
  async execute(interaction, deps) {
    const index = deps.live.get();
    const deal = pickDeal(index, interaction.options.getString("deal", true));
    await interaction.reply(answerReply(sourcesCard(index, deal), index, false, `Sources: ${deal.title}`));
  },
} satisfies Command;
