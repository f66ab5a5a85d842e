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
    .addSubcommand((s) => s.setName("reload").setDescription("Reload the data directory on every shard of this host"))
    .addSubcommand((s) => s.setName("status").setDescription("Version, data size, uptime and shards"))
    .addSubcommand((s) =>
      s.setName("insights").setDescription("Top unanswered questions, facts marked wrong, outcomes and latency")
        .addIntegerOption((o) => o.setName("days").setDescription("How many days back (default 7)").setMinValue(1).setMaxValue(3650))),
  async execute(interaction, deps) {
    // Discord hides the command from non-administrators; the allowlist decides who may run it.
    if (!isAdmin(deps.config, interaction.user.id)) throw new UserError(NOT_ADMIN);
    if (interaction.options.getSubcommand() === "insights") return runInsights(interaction, deps);
    if (interaction.options.getSubcommand() === "status") return void (await interaction.reply(statusFor(interaction.client, deps)));
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    deps.logger.info("admin reload", { user: interaction.user.id });
    await send(interaction, reloadReply(await deps.reloadAll()));
  },
} satisfies Command;
