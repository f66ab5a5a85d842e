import type { Interaction, ModalSubmitInteraction } from "discord.js";
import { FEEDBACK_OFF, feedbackModal, MODAL_FIELDS, parseFeedbackId, THANKS_DOWN, THANKS_UP } from "../feedback/buttons.js";
import { notice } from "./replies.js";
import { handleInteractionError } from "./respond.js";
import type { BotDeps } from "./types.js";

/**
 * Clicks on the feedback buttons and the "What's wrong?" modal. "Helpful" records the vote at
 * once; "Wrong or unhelpful" opens the modal and the vote is recorded when it is sent. The vote
 * needs nothing but the answer id from the custom id, so a button from before a restart works.
 */
export async function handleFeedbackInteraction(interaction: Interaction, deps: BotDeps): Promise<void> {
  if (!interaction.isButton() && !interaction.isModalSubmit()) return;
  const parsed = parseFeedbackId(interaction.customId);
  if (!parsed) return;
  const context = { feedback: parsed.action, user: interaction.user.id, guild: interaction.guildId ?? "dm", interaction: interaction.id };
  const shard = interaction.guild?.shardId ?? deps.shardIds[0] ?? 0;
  try {
    const log = deps.questionLog;
    if (!log) return void (await interaction.reply(notice(FEEDBACK_OFF)));
    if (interaction.isButton()) {
      if (parsed.action === "down") return void (await interaction.showModal(feedbackModal(parsed.answerId)));
      if (parsed.action !== "up") return;
      log.recordVote({ answerId: parsed.answerId, userId: interaction.user.id, vote: "up", shard });
      return void (await interaction.reply(notice(THANKS_UP)));
    }
    if (parsed.action !== "why") return;
    log.recordVote({
      answerId: parsed.answerId,
      userId: interaction.user.id,
      vote: "down",
      comment: fieldValue(interaction, MODAL_FIELDS.comment),
      correction: fieldValue(interaction, MODAL_FIELDS.correction),
      shard,
    });
    await interaction.reply(notice(THANKS_DOWN));
  } catch (err) {
    await handleInteractionError(err, interaction, deps.logger, context);
  }
}

/** An optional field: Discord sends "" when left empty; a missing one reads as empty too. */
function fieldValue(interaction: ModalSubmitInteraction, customId: string): string {
  try {
    return interaction.fields.getTextInputValue(customId);
  } catch {
    return "";
  }
}
