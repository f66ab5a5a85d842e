import { SlashCommandBuilder } from "discord.js";
import { sourcesCard } from "../src/engine/cards.js";
import { dealChoices, findDeal } from "../src/engine/lookup.js";
import { answerReply } from "../src/discord/replies.js";
import { type Command, UserError } from "../src/discord/types.js";

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
    const name = interaction.options.getString("deal", true);
    const deal = findDeal(index, name);
    if (!deal) throw new UserError(`I don't know a deal called “${name}”. Pick one from the list as you type.`);
    await interaction.reply(answerReply(sourcesCard(index, deal), index, false, `Sources: ${deal.title}`));
  },
} satisfies Command;
