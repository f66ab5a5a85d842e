import { SlashCommandBuilder } from "discord.js";
import { dealCard } from "../src/engine/cards.js";
import { dealChoices } from "../src/engine/lookup.js";
import { pickDeal } from "../src/discord/pick.js";
import { answerReply } from "../src/discord/replies.js";
import type { Command } from "../src/discord/types.js";

export default {
  data: new SlashCommandBuilder()
    .setName("deal")
    .setDescription("A deal card: parties, status, dates and every figure, each cited")
    .addStringOption((o) => o.setName("name").setDescription("Start typing a deal or company name").setRequired(true).setAutocomplete(true).setMaxLength(100)),
  async autocomplete(interaction, deps) {
    await interaction.respond(dealChoices(deps.live.get(), interaction.options.getFocused()));
  },
  async execute(interaction, deps) {
    const index = deps.live.get();
    const deal = pickDeal(index, interaction.options.getString("name", true));
    await interaction.reply(answerReply(dealCard(index, deal), index, false, deal.title));
  },
} satisfies Command;
