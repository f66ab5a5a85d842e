import type { Interaction } from "discord.js";
import { handleInteractionError, isExpectedDiscordError } from "./respond.js";
import type { BotDeps, Command } from "./types.js";
import { UserError } from "./types.js";

/** Route an interaction to its command; every failure ends in handleInteractionError. */
export async function handleInteraction(interaction: Interaction, commands: ReadonlyMap<string, Command>, deps: BotDeps): Promise<void> {
  if (!interaction.isChatInputCommand() && !interaction.isAutocomplete()) return;
  const command = commands.get(interaction.commandName);
  const context = { command: interaction.commandName, user: interaction.user.id, guild: interaction.guildId ?? "dm", interaction: interaction.id };
  if (interaction.isAutocomplete()) {
    try {
      await command?.autocomplete?.(interaction, deps);
    } catch (err) {
      const log = isExpectedDiscordError(err) ? deps.logger.warn : deps.logger.error;
      log("autocomplete failed", { ...context, error: err });
    }
    return;
  }
  try {
    if (!command) throw new UserError("I don't know that command any more. It may have been removed; try /help.");
    await command.execute(interaction, deps);
  } catch (err) {
    await handleInteractionError(err, interaction, deps.logger, context);
  }
}
