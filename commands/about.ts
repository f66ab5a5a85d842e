import { SlashCommandBuilder } from "discord.js";
import { aboutReply } from "../src/discord/replies.js";
import type { Command } from "../src/discord/types.js";

export default {
  data: new SlashCommandBuilder().setName("about").setDescription("The data set's size, the last reload and the version"),
  async execute(interaction, deps) {
    await interaction.reply(aboutReply(deps.live.get(), deps.version, deps.live.reloadedAt));
  },
} satisfies Command;
