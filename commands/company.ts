import { SlashCommandBuilder } from "discord.js";
import { companyCard } from "../src/engine/cards.js";
import { companyChoices } from "../src/engine/lookup.js";
import { pickCompany } from "../src/discord/pick.js";
import { withChart } from "../src/discord/chart-reply.js";
import { answerReply } from "../src/discord/replies.js";
import type { Command } from "../src/discord/types.js";

export default {
  data: new SlashCommandBuilder()
    .setName("company")
    .setDescription("Every deal of a company, with totals labelled as computed")
    .addStringOption((o) => o.setName("name").setDescription("Start typing a company name").setRequired(true).setAutocomplete(true).setMaxLength(100)),
  async autocomplete(interaction, deps) {
    await interaction.respond(companyChoices(deps.live.get(), interaction.options.getFocused()));
  },
  async execute(interaction, deps) {
    const index = deps.live.get();
    const company = pickCompany(index, interaction.options.getString("name", true));
    const answer = companyCard(index, company);
    await interaction.reply(await withChart(answerReply(answer, index, false, company.name), answer, index, deps, company.name));
  },
} satisfies Command;
