/** Interaction callbacks and the interaction webhook (editReply, followUp, deleteReply). */
import { attachmentsPayload, sentMessagePayload } from "./fixtures.js";
import { discordError, type RestReply, type Route } from "./rest.js";
import type { FakeState, InteractionState } from "./state.js";
import type { RecordedFile } from "./types.js";

const LOADING = 128;
const EPHEMERAL = 64;
const KNOWN_CALLBACK_TYPES = new Set([1, 4, 5, 6, 7, 8, 9]);

export function interactionRoutes(state: FakeState): Route[] {
  const unknownWebhook = discordError(404, 10015, "Unknown Webhook");
  const unknownMessage = discordError(404, 10008, "Unknown Message");
  const webhookFor = (app: string, token: string): InteractionState | undefined =>
    app === state.applicationId ? state.interactionsByToken.get(token) : undefined;

  const callback: Route = {
    method: "POST", pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, auth: false,
    handle: ({ params: [id = "", token = ""], body, query, files }) => {
      const interaction = state.interactions.get(id);
      if (!interaction || interaction.token !== token) return discordError(404, 10062, "Unknown interaction");
      if (interaction.acknowledged) return discordError(400, 40060, "Interaction has already been acknowledged.");
      if (Date.now() - interaction.sentAt > state.interactionTimeoutMs) return discordError(404, 10062, "Unknown interaction");
      const type: unknown = body?.type;
      if (typeof type !== "number" || !KNOWN_CALLBACK_TYPES.has(type)) {
        return discordError(400, 50035, "Invalid Form Body");
      }
      interaction.acknowledged = true;
      if (type === 9) interaction.modal = (body?.data ?? {}) as Record<string, unknown>;
      const message = type === 4 || type === 5 ? createOriginal(state, interaction, type, body?.data ?? {}, files) : undefined;
      if (query["with_response"] !== "true") return { status: 204 };
      const flags = typeof message?.["flags"] === "number" ? message["flags"] : 0;
      return {
        status: 200,
        body: {
          interaction: {
            id, type: interaction.type, response_message_id: message?.["id"] ?? null,
            response_message_loading: type === 5, response_message_ephemeral: (flags & EPHEMERAL) !== 0,
          },
          resource: message ? { type, message } : { type },
        },
      };
    },
  };

  const followUp: Route = {
    method: "POST", pattern: /^\/webhooks\/(\d+)\/([^/]+)$/, auth: false,
    handle: ({ params: [app = "", token = ""], body, query, files }) => {
      const interaction = webhookFor(app, token);
      if (!interaction || !interaction.acknowledged) return unknownWebhook;
      const message = sentMessagePayload(state, interaction.channelId, body, webhookFields(state), files);
      interaction.messages.set(String(message["id"]), message);
      return query["wait"] === "true" ? { status: 200, body: message } : { status: 204 };
    },
  };

  const messageRoute = (method: string, act: (i: InteractionState, key: string, body: Record<string, unknown> | null, files: RecordedFile[]) => RestReply): Route => ({
    method, pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, auth: false,
    handle: ({ params: [app = "", token = "", key = ""], body, files }) => {
      const interaction = webhookFor(app, token);
      if (!interaction) return unknownWebhook;
      if (!interaction.messages.has(key)) return unknownMessage;
      return act(interaction, key, body as Record<string, unknown> | null, files);
    },
  });

  return [
    callback,
    followUp,
    messageRoute("GET", (i, key) => ({ status: 200, body: i.messages.get(key) })),
    messageRoute("PATCH", (i, key, body, files) => {
      const edited = editMessage(i.messages.get(key) ?? {}, body ?? {}, files);
      i.messages.set(key, edited);
      state.sentMessages.set(String(edited["id"]), edited);
      return { status: 200, body: edited };
    }),
    // Real Discord answers a webhook message delete with 204.
    messageRoute("DELETE", (i, key) => {
      i.messages.delete(key);
      return { status: 204 };
    }),
  ];
}

function webhookFields(state: FakeState): Record<string, unknown> {
  return { webhook_id: state.applicationId, application_id: state.applicationId };
}

/** A reply (4) creates the original message; a defer (5) creates it as a loading placeholder. */
function createOriginal(state: FakeState, interaction: InteractionState, type: 4 | 5, data: Record<string, unknown>, files: RecordedFile[]): Record<string, unknown> {
  const flags = typeof data["flags"] === "number" ? data["flags"] : 0;
  const content = type === 4 ? data : { flags: flags | LOADING };
  const message = sentMessagePayload(state, interaction.channelId, content, { ...webhookFields(state), type: 20 }, type === 4 ? files : []);
  interaction.messages.set("@original", message);
  return message;
}

function editMessage(message: Record<string, unknown>, body: Record<string, unknown>, files: RecordedFile[]): Record<string, unknown> {
  const edited: Record<string, unknown> = { ...message, edited_timestamp: new Date().toISOString() };
  for (const key of ["content", "embeds", "components"]) if (key in body) edited[key] = body[key];
  // Kept attachments are listed by id; new files arrive as files[n] with their attachments[] entries.
  if ("attachments" in body || files.length > 0) {
    const keep = new Set((Array.isArray(body["attachments"]) ? (body["attachments"] as Array<Record<string, unknown>>) : []).map((a) => String(a["id"])));
    const old = Array.isArray(message["attachments"]) ? (message["attachments"] as Array<Record<string, unknown>>) : [];
    edited["attachments"] = [...old.filter((a) => keep.has(String(a["id"]))), ...attachmentsPayload(body, files)];
  }
  const flags = edited["flags"];
  if (typeof flags === "number") edited["flags"] = flags & ~LOADING;
  return edited;
}
