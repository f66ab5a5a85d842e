/** REST plumbing: parse, record, inject failures, route, and answer like Discord does. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestLog } from "./recorder.js";
import type { RecordedFile, RecordedRequest } from "./types.js";

export interface RestReply {
  status: number;
  /** Undefined means an empty body. */
  body?: unknown;
}

export interface RouteContext {
  params: string[];
  // Parsed request JSON, shape unchecked like Discord's own loose validation.
  body: any;
  query: Record<string, string>;
  /** Files of a multipart request, in the order they were sent. */
  files: RecordedFile[];
}

export interface Route {
  method: string;
  /** Matched against the decoded path after /api/v10. Capture groups become params. */
  pattern: RegExp;
  /** Interaction callbacks and webhook routes are called without an Authorization header. */
  auth: boolean;
  handle(context: RouteContext): RestReply;
}

const API_PREFIX = "/api/v10";

export function discordError(status: number, code: number, message: string): RestReply {
  return { status, body: { code, message } };
}

export function createRestHandler(routes: Route[], log: RequestLog, isAuthorized: (header: string | undefined) => boolean) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void handle(req, res).catch((error: unknown) => {
      console.error("fake-discord: REST handler crashed", error);
      if (!res.headersSent) respond(res, discordError(500, 0, "500: Internal Server Error"));
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // @original arrives as %40original: match on the decoded path.
    const decoded = decodeURIComponent(url.pathname);
    const path = decoded.startsWith(`${API_PREFIX}/`) ? decoded.slice(API_PREFIX.length) : decoded;
    const method = (req.method ?? "GET").toUpperCase();
    const { body, files } = await parseBody(raw, req.headers["content-type"]);
    const query = Object.fromEntries(url.searchParams);
    const authorized = isAuthorized(req.headers.authorization);

    const reply = decide(method, path, { body, query, files, params: [] }, authorized);
    const record: RecordedRequest = {
      method, path, query, headers: redactedHeaders(req), authorized, body, files, status: reply.status, at: Date.now(),
    };
    respond(res, reply);
    log.add(record);
  }

  function decide(method: string, path: string, context: RouteContext, authorized: boolean): RestReply {
    const failure = log.takeFailure(method, path);
    if (failure) return discordError(failure.status, failure.code, failure.message);
    for (const route of routes) {
      const match = route.method === method ? route.pattern.exec(path) : null;
      if (!match) continue;
      if (route.auth && !authorized) return discordError(401, 0, "401: Unauthorized");
      return route.handle({ ...context, params: match.slice(1).map((p) => p ?? "") });
    }
    return discordError(404, 0, "404: Not Found");
  }
}

function respond(res: ServerResponse, reply: RestReply): void {
  if (reply.body === undefined) {
    // A 204 with Content-Type: application/json makes discord.js throw "Unexpected end of JSON input".
    res.writeHead(reply.status).end();
    return;
  }
  res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
}

function redactedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === "authorization" || value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON bodies, or multipart bodies (messages with files) whose payload_json becomes the body. */
async function parseBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType?.startsWith("multipart/form-data")) {
    const form = await new Request("http://fake.invalid/", { method: "POST", headers: { "content-type": contentType }, body: raw }).formData();
    let body: unknown = null;
    const files: RecordedFile[] = [];
    for (const [field, value] of form) {
      if (typeof value !== "string") files.push({ field, name: value.name, size: value.size, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
      else if (field === "payload_json") body = JSON.parse(value);
    }
    return { body, files };
  }
  const text = raw.toString("utf8");
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}
