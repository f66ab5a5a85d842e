import { SlashCommandBuilder } from "discord.js";
import { companyCard } from "../src/engine/cards.js";
import { companyChoices, findCompany } from "../src/engine/lookup.js";
import { answerReply } from "../src/discord/replies.js";
import { type Command, UserError } from "../src/discord/types.js";

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
    const name = interaction.options.getString("name", true);
    const company = findCompany(index, name);
    if (!company) throw new UserError(`I don't know a company called “${name}”. Pick one from the list as you type.`);
    await interaction.reply(answerReply(companyCard(index, company), index, false, company.name));
  },
} satisfies Command;
