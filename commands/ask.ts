import { SlashCommandBuilder } from "discord.js";
import { rateLimitMessage } from "../src/ask-service.js";
import { withChart } from "../src/discord/chart-reply.js";
import { askLogged } from "../src/discord/feedback-reply.js";
import { withFeedback } from "../src/feedback/buttons.js";
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
    const channel = interaction.inGuild() ? "guild" : "dm";
    const asked = askLogged(deps, { userId: interaction.user.id, conversationKey: `slash:${interaction.user.id}`, question, channel, shard: interaction.guild?.shardId ?? 0 });
    const { outcome } = asked;
    if (outcome.kind === "limited") return void (await asked.delivered(interaction.reply(notice(rateLimitMessage(outcome.retryAfterMs)))));
    const index = deps.live.get();
    const reply = await withChart(answerReply(outcome.answer, index, interaction.options.getBoolean("private") ?? false), outcome.answer, index, deps);
    await asked.delivered(interaction.reply(withFeedback(reply, asked.answerId)));
  },
} satisfies Command;
