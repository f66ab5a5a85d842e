import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import { isAdmin, NOT_ADMIN, statusFor } from "../src/discord/admin-actions.js";
import { reloadReply } from "../src/discord/replies.js";
import { send } from "../src/discord/respond.js";
import { runInsights } from "../src/discord/feedback-insights.js";
import { type Command, UserError } from "../src/discord/types.js";

export default {
  data: new SlashCommandBuilder()
    .setName("admin")
    .setDescription("DealDesk administration")
    .setDefaultMemberPermissions(PermissionFlagsBits.Administrator)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName("reload")
        .setDescription("Reload the data directory on every shard of this host")
        .addBooleanOption((o) => o.setName("confirm").setDescription("Apply a reload even though it removes many facts (after one was held)")),
    )
    .addSubcommand((s) => s.setName("status").setDescription("Version, data size, uptime and shards"))
    .addSubcommand((s) =>
      s.setName("insights").setDescription("Top unanswered questions, facts marked wrong, outcomes and latency")
        .addIntegerOption((o) => o.setName("days").setDescription("How many days back (default 7)").setMinValue(1).setMaxValue(3650))),
  async execute(interaction, deps) {
    // Discord hides the command from non-administrators; the allowlist decides who may run it.
    if (!isAdmin(deps.config, interaction.user.id)) throw new UserError(NOT_ADMIN);
    const sub = interaction.options.getSubcommand();
    if (sub === "status") return void (await interaction.reply(statusFor(interaction.client, deps)));
    if (sub === "insights") return runInsights(interaction, deps);
    // Each subcommand is matched exactly; one this version does not know (a stale registration) does nothing.
    if (sub !== "reload") throw new UserError(`/admin has no subcommand “${sub.slice(0, 32)}”. Use /admin reload, /admin status or /admin insights.`);
    const confirm = interaction.options.getBoolean("confirm") ?? false;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    deps.logger.info("admin reload", { user: interaction.user.id, confirm });
    await send(interaction, reloadReply(await deps.reloadAll({ confirm }), deps.logger.redact));
  },
} satisfies Command;
