import { DiscordAPIError, RESTJSONErrorCodes, type RepliableInteraction } from "discord.js";
import type { Logger } from "../logger.js";
import { GENERIC_ERROR, notice, type ReplyPayload } from "./replies.js";
import { UserError } from "./types.js";

/** Discord errors that mean "the user or channel is gone or closed to us": logged, never fatal. */
const EXPECTED_CODES = new Set<number>([
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.UnknownChannel,
]);

export function isExpectedDiscordError(err: unknown): err is DiscordAPIError {
  return err instanceof DiscordAPIError && typeof err.code === "number" && EXPECTED_CODES.has(err.code);
}

/** Reply, or follow up when the interaction was already answered or deferred. */
export async function send(interaction: RepliableInteraction, payload: ReplyPayload): Promise<void> {
  if (interaction.deferred && !interaction.replied) {
    const { flags: _ephemeralFixedAtDefer, ...rest } = payload;
    await interaction.editReply(rest);
  } else if (interaction.replied) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

/**
 * The one error path. A UserError's message goes back to the user; anything else is logged with
 * context and the user gets a short generic reply. Sending that reply can itself fail (the
 * interaction expired); that is logged too and goes no further.
 */
export async function handleInteractionError(err: unknown, interaction: RepliableInteraction, logger: Logger, context: Record<string, unknown>): Promise<void> {
  if (isExpectedDiscordError(err)) {
    logger.warn("discord refused a response", { ...context, code: err.code, error: err.message });
    return;
  }
  const payload = err instanceof UserError ? notice(logger.redact(err.message)) : notice(GENERIC_ERROR);
  if (!(err instanceof UserError)) logger.error("command failed", { ...context, error: err });
  try {
    await send(interaction, payload);
  } catch (sendErr) {
    logger.warn("could not deliver the error reply", { ...context, error: sendErr instanceof Error ? sendErr.message : String(sendErr) });
  }
}
