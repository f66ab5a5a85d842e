/** The gateway: HELLO, IDENTIFY -> READY, heartbeats, RESUME with replay, and dispatch to a session. */
import type { Server } from "node:http";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import { sessionId as newSessionId } from "./snowflake.js";

export interface Session {
  id: string;
  shardId: number;
  shardCount: number;
  intents: number;
  seq: number;
  /** Every dispatch of the session, replayed after `seq` on RESUME. */
  log: DispatchFrame[];
  socket: WebSocket | null;
  startedAt: number;
}

interface DispatchFrame {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

export interface GatewayHooks {
  heartbeatIntervalMs: number;
  /** Validates the IDENTIFY token; false closes the socket with 4004. */
  acceptToken(token: unknown): boolean;
  onIdentify(shard: [number, number], intents: number): void;
  onResume(session: Session, seq: number): void;
  /** READY and the GUILD_CREATEs for a freshly identified session. */
  welcome(session: Session): Array<[string, unknown]>;
}

interface GatewayMessage {
  op: number;
  d?: Record<string, unknown> | number | null;
}

export class Gateway {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  private readonly sessionOfSocket = new WeakMap<WebSocket, Session>();
  /** Sockets the fake closed itself: their sessions stay resumable whatever close code comes back. */
  private readonly closedByFake = new WeakSet<WebSocket>();

  constructor(server: Server, private readonly hooks: GatewayHooks) {
    this.wss = new WebSocketServer({ server });
    this.wss.on("connection", (socket) => this.onConnection(socket));
  }

  /** The most recently started live session matching `predicate`. */
  latestSession(predicate: (s: Session) => boolean): Session | undefined {
    let latest: Session | undefined;
    for (const s of this.sessions.values()) if (predicate(s) && (!latest || s.startedAt >= latest.startedAt)) latest = s;
    return latest;
  }

  dispatch(session: Session, t: string, d: unknown): void {
    const frame: DispatchFrame = { op: 0, t, s: ++session.seq, d };
    session.log.push(frame);
    // A disconnected session keeps the event for replay on RESUME, as Discord does.
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(frame));
  }

  /** Open, identified connections per shard id. */
  connectionCounts(length: number): number[] {
    const counts = Array.from({ length }, () => 0);
    for (const s of this.sessions.values()) {
      if (s.socket?.readyState === WebSocket.OPEN) counts[s.shardId] = (counts[s.shardId] ?? 0) + 1;
    }
    return counts;
  }

  /** 4000 (unknown error) makes discord.js resume rather than re-identify. */
  closeAll(code = 4000): void {
    for (const socket of this.wss.clients) {
      this.closedByFake.add(socket);
      socket.close(code, "fake-discord: closeAllConnections");
    }
  }

  async stop(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket): void {
    send(socket, { op: 10, d: { heartbeat_interval: this.hooks.heartbeatIntervalMs }, s: null, t: null });
    socket.on("message", (raw) => this.onMessage(socket, raw));
    socket.on("close", (code) => this.onClose(socket, code));
  }

  private onMessage(socket: WebSocket, raw: RawData): void {
    let message: GatewayMessage;
    try {
      message = JSON.parse(raw.toString()) as GatewayMessage;
    } catch {
      socket.close(4002, "Error while decoding payload.");
      return;
    }
    const d = typeof message.d === "object" && message.d !== null ? message.d : {};
    if (message.op === 1) send(socket, { op: 11, d: null, s: null, t: null });
    else if (message.op === 2) this.identify(socket, d);
    else if (message.op === 6) this.resume(socket, d);
    // Presence (3), voice (4) and member requests (8) are accepted and ignored.
  }

  private identify(socket: WebSocket, d: Record<string, unknown>): void {
    if (!this.hooks.acceptToken(d["token"])) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    const [shardId, shardCount] = Array.isArray(d["shard"]) ? (d["shard"] as [number, number]) : [0, 1];
    const intents = typeof d["intents"] === "number" ? d["intents"] : 0;
    this.hooks.onIdentify([shardId, shardCount], intents);
    const session: Session = { id: newSessionId(), shardId, shardCount, intents, seq: 0, log: [], socket, startedAt: Date.now() };
    this.sessions.set(session.id, session);
    this.sessionOfSocket.set(socket, session);
    for (const [t, payload] of this.hooks.welcome(session)) this.dispatch(session, t, payload);
  }

  private resume(socket: WebSocket, d: Record<string, unknown>): void {
    const session = this.sessions.get(String(d["session_id"]));
    if (!session || !this.hooks.acceptToken(d["token"])) {
      // Invalid session, not resumable: discord.js then re-identifies.
      send(socket, { op: 9, d: false, s: null, t: null });
      return;
    }
    const seq = typeof d["seq"] === "number" ? d["seq"] : 0;
    if (session.socket && session.socket !== socket) {
      this.closedByFake.add(session.socket);
      session.socket.terminate();
    }
    session.socket = socket;
    this.sessionOfSocket.set(socket, session);
    this.hooks.onResume(session, seq);
    for (const frame of session.log) if (frame.s > seq) socket.send(JSON.stringify(frame));
    this.dispatch(session, "RESUMED", {});
  }

  private onClose(socket: WebSocket, code: number): void {
    const session = this.sessionOfSocket.get(socket);
    if (!session || session.socket !== socket) return;
    session.socket = null;
    // Discord invalidates a session closed with 1000/1001 (that is what client.destroy() sends).
    if (!this.closedByFake.has(socket) && (code === 1000 || code === 1001)) this.sessions.delete(session.id);
  }
}

function send(socket: WebSocket, payload: unknown): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
}
