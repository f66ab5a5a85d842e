import { SlashCommandBuilder } from "discord.js";
import { helpReply } from "../src/discord/replies.js";
import type { Command } from "../src/discord/types.js";

export default {
  data: new SlashCommandBuilder().setName("help").setDescription("What DealDesk can do, with example questions"),
  async execute(interaction) {
    await interaction.reply(helpReply());
  },
} satisfies Command;
