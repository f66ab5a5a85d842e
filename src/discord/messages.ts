import type { Message } from "discord.js";
import { rateLimitMessage } from "../ask-service.js";
import { withFeedback } from "../feedback/buttons.js";
import { adminWordOf, isAdmin, runAdminWord } from "./admin-actions.js";
import { withChart } from "./chart-reply.js";
import { askLogged } from "./feedback-reply.js";
import { answerReply } from "./replies.js";
import { isExpectedDiscordError } from "./respond.js";
import type { BotDeps } from "./types.js";

const MAX_MESSAGE_QUESTION = 1000;

/** The question in a message for the bot: a DM's whole text, or a mention with the mention removed. */
export function questionFor(message: Message, botId: string): string | undefined {
  if (message.author.bot) return undefined;
  if (!message.inGuild()) return message.content;
  if (!message.mentions.users.has(botId)) return undefined;
  return message.content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").trim();
}

/** DMs and @mentions: the same engine, context kept per user (per channel for mentions). */
export async function handleMessage(message: Message, deps: BotDeps): Promise<void> {
  const botId = message.client.user?.id;
  if (!botId) return;
  const question = questionFor(message, botId);
  if (question === undefined) return;
  const context = { user: message.author.id, channel: message.channelId, guild: message.guildId ?? "dm" };
  try {
    const word = adminWordOf(question);
    if (!message.inGuild() && word !== undefined && isAdmin(deps.config, message.author.id)) {
      await message.reply(await runAdminWord(word, message.client, deps));
      return;
    }
    const key = message.inGuild() ? `mention:${message.channelId}:${message.author.id}` : `dm:${message.author.id}`;
    const channel = message.inGuild() ? "guild" : "dm";
    const asked = askLogged(deps, { userId: message.author.id, conversationKey: key, question: question.slice(0, MAX_MESSAGE_QUESTION), channel, shard: message.guild?.shardId ?? 0 });
    const { outcome } = asked;
    if (outcome.kind === "limited") {
      // One notice per wait: a flood of messages must not be mirrored back one for one.
      if (outcome.notify) await asked.delivered(message.reply({ content: rateLimitMessage(outcome.retryAfterMs) }));
      else deps.logger.debug("rate-limited message dropped", context);
      return;
    }
    const index = deps.live.get();
    const { flags: _noEphemeralInMessages, ...payload } = await withChart(answerReply(outcome.answer, index), outcome.answer, index, deps);
    await asked.delivered(message.reply(withFeedback(payload, asked.answerId)));
  } catch (err) {
    if (isExpectedDiscordError(err)) deps.logger.warn("could not reply to a message", { ...context, code: err.code, error: err.message });
    else deps.logger.error("message handler failed", { ...context, error: err });
  }
}
