import type { Answer } from "../engine/answer-model.js";
import type { SearchIndex } from "../engine/search-index.js";
import { chartSpecFor } from "../render/chart/index.js";
import type { ReplyPayload } from "./replies.js";
import type { BotDeps } from "./types.js";

export const CHART_FILE = "chart.png";
/** An interaction must be answered within 3 s: a chart not ready by then is left out, never waited for. */
export const CHART_DEADLINE_MS = 1_500;

/**
 * The reply with its chart, when the answer has one: the PNG attached as chart.png, shown as the
 * first embed's image, its alt text as the attachment's description. Rendering happens on the
 * chart worker; a failed or late chart leaves the reply as it was.
 */
export async function withChart(payload: ReplyPayload, answer: Answer, index: SearchIndex, deps: Pick<BotDeps, "charts" | "logger">, subject?: string): Promise<ReplyPayload> {
  const [embed, ...rest] = payload.embeds ?? [];
  if (!embed) return payload;
  const spec = chartSpecFor(answer, index.kb, subject ? { subject } : {});
  if (!spec) return payload;
  let timer: NodeJS.Timeout | undefined;
  try {
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), CHART_DEADLINE_MS)));
    const png = await Promise.race([deps.charts.render(spec), late]);
    if (!png) {
      deps.logger.warn("chart left out: not rendered in time", { kind: spec.kind, deadlineMs: CHART_DEADLINE_MS });
      return payload;
    }
    return {
      ...payload,
      embeds: [{ ...embed, image: { url: `attachment://${CHART_FILE}` } }, ...rest],
      files: [{ attachment: Buffer.from(png.buffer, png.byteOffset, png.byteLength), name: CHART_FILE, description: spec.alt }],
    };
  } catch (err) {
    deps.logger.warn("chart left out: rendering failed", { kind: spec.kind, error: err instanceof Error ? err.message : String(err) });
    return payload;
  } finally {
    clearTimeout(timer);
  }
}
