import { SlashCommandBuilder } from "discord.js";
import { ask, rateLimitMessage } from "../src/ask-service.js";
import { withChart } from "../src/discord/chart-reply.js";
import { answerReply, notice } from "../src/discord/replies.js";
import type { Command } from "../src/discord/types.js";

export default {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask about an AI or cloud infrastructure deal; every figure comes with its source")
    .addStringOption((o) => o.setName("question").setDescription("For example: How much is OpenAI's AWS deal worth?").setRequired(true).setMaxLength(300))
    .addBooleanOption((o) => o.setName("private").setDescription("Only you see the answer")),
  async execute(interaction, deps) {
    const question = interaction.options.getString("question", true);
    const outcome = ask(deps, deps.live.get(), interaction.user.id, `slash:${interaction.user.id}`, question);
    if (outcome.kind === "limited") return void (await interaction.reply(notice(rateLimitMessage(outcome.retryAfterMs))));
    const index = deps.live.get();
    await interaction.reply(await withChart(answerReply(outcome.answer, index, interaction.options.getBoolean("private") ?? false), outcome.answer, index, deps));
  },
} satisfies Command;
