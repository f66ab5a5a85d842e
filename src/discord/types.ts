import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Config } from "../config/config.js";
import type { ConversationStore } from "../conversation-store.js";
import type { LiveIndex, ReloadReport } from "../engine/live-index.js";
import type { Logger } from "../logger.js";
import type { ChartRenderer } from "../render/chart/index.js";
import type { RateLimiter } from "../rate-limit.js";
import type { QuestionLog } from "../store/question-log.js";

/** A reload's outcome on one shard (a single-process bot is shard 0). */
export type ShardReload = { readonly shard: number } & ReloadReport;

/** Everything a handler needs, passed in rather than held in globals. */
export interface BotDeps {
  readonly live: LiveIndex;
  readonly config: Config;
  readonly logger: Logger;
  readonly limiter: RateLimiter;
  readonly conversations: ConversationStore;
  readonly version: string;
  readonly startedAt: Date;
  readonly now: () => number;
  /** Reload every shard on this host; without sharding, just this process. */
  readonly reloadAll: (options?: { confirm?: boolean }) => Promise<ShardReload[]>;
  readonly shardIds: readonly number[];
  /** Renders charts off the gateway's thread. */
  readonly charts: ChartRenderer;
  /** The question log and feedback store; undefined when LOG_QUESTIONS=off or no LOG_HMAC_SECRET. */
  readonly questionLog?: QuestionLog | undefined;
}

export interface Command {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, deps: BotDeps): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, deps: BotDeps): Promise<void>;
}

/** A problem the user can fix: its message goes back to them as it is. */
export class UserError extends Error {}
