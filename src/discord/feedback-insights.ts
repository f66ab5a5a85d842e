import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import { readInsights } from "../insights/insights.js";
import { insightsEmbed } from "../insights/render.js";
import { send } from "./respond.js";
import { type BotDeps, UserError } from "./types.js";

/** `/admin insights [days]`: the curators' report, private to the admin. */
export async function runInsights(interaction: ChatInputCommandInteraction, deps: BotDeps): Promise<void> {
  const log = deps.questionLog;
  if (!log) throw new UserError("The question log is off on this bot (LOG_QUESTIONS=off, or LOG_HMAC_SECRET unset), so there are no insights.");
  const days = interaction.options.getInteger("days") ?? 7;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  // Show this process's newest rows too; a failing database does not hold the report up for long.
  await Promise.race([log.flush(), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
  let insights;
  try {
    insights = await readInsights((await log.writer.connection()).db, days);
  } catch (err) {
    throw new UserError(`I can't read the question log right now: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500));
  }
  const s = log.stats();
  const extra = s.dropped > 0 || s.queued > 0 ? [`This shard: ${s.queued} rows waiting, ${s.dropped} dropped since start-up.`] : [];
  await send(interaction, { embeds: [insightsEmbed(insights, extra)] });
}
