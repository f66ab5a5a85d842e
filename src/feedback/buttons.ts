import {
  ActionRowBuilder, ButtonBuilder, ButtonStyle, type APIActionRowComponent, type APIComponentInMessageActionRow,
  type APIModalInteractionResponseCallbackData, LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle,
} from "discord.js";

/**
 * The feedback buttons' custom ids: a fixed prefix, the action and the random answer id. They hold
 * no user data; the answer id finds the logged question, its fact ids and data version.
 */
export const FEEDBACK_PREFIX = "fb";
export type FeedbackAction = "up" | "down" | "why";

export function feedbackId(action: FeedbackAction, answerId: string): string {
  return `${FEEDBACK_PREFIX}:${action}:${answerId}`;
}

const ID = /^fb:(up|down|why):([A-Za-z0-9_-]{1,32})$/;

export function parseFeedbackId(customId: string): { action: FeedbackAction; answerId: string } | undefined {
  const m = ID.exec(customId);
  return m ? { action: m[1] as FeedbackAction, answerId: m[2]! } : undefined;
}

export const MODAL_FIELDS = { comment: "comment", correction: "correction" } as const;
export const MAX_COMMENT = 1000;
export const MAX_CORRECTION = 300;

/** "Helpful" and "Wrong or unhelpful" under an answer. */
export function feedbackRow(answerId: string): APIActionRowComponent<APIComponentInMessageActionRow> {
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      new ButtonBuilder().setCustomId(feedbackId("up", answerId)).setLabel("Helpful").setStyle(ButtonStyle.Secondary),
      new ButtonBuilder().setCustomId(feedbackId("down", answerId)).setLabel("Wrong or unhelpful").setStyle(ButtonStyle.Secondary),
    )
    .toJSON();
}

/** A reply payload with the feedback buttons added (no buttons without an answer id). */
export function withFeedback<T extends object>(payload: T, answerId: string | undefined): T & { components?: APIActionRowComponent<APIComponentInMessageActionRow>[] } {
  return answerId ? { ...payload, components: [feedbackRow(answerId)] } : payload;
}

/** The modal behind "Wrong or unhelpful": both fields optional. */
export function feedbackModal(answerId: string): APIModalInteractionResponseCallbackData {
  return new ModalBuilder()
    .setCustomId(feedbackId("why", answerId))
    .setTitle("What's wrong?")
    .addLabelComponents(
      new LabelBuilder()
        .setLabel("What's wrong?")
        .setDescription("Optional")
        .setTextInputComponent(new TextInputBuilder().setCustomId(MODAL_FIELDS.comment).setStyle(TextInputStyle.Paragraph).setRequired(false).setMaxLength(MAX_COMMENT)),
      new LabelBuilder()
        .setLabel("The right figure and where it was reported")
        .setDescription("Optional")
        .setTextInputComponent(new TextInputBuilder().setCustomId(MODAL_FIELDS.correction).setStyle(TextInputStyle.Short).setRequired(false).setMaxLength(MAX_CORRECTION)),
    )
    .toJSON();
}

export const THANKS_UP = "Thanks! Noted as helpful.";
export const THANKS_DOWN = "Thanks! The curators will look at this answer.";
export const FEEDBACK_OFF = "Feedback isn't being collected right now, but thank you.";
