import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack Web API on loopback, reached through `clientOptions.slackApiUrl` (docs/slack-contract.md §6).
 * Parses form bodies like the real one (blocks arrive as JSON strings), records every call, enforces the
 * message limits strictly, and also serves `response_url`s (`/response/<id>`).
 */

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** The Bearer token of the Authorization header. */
  token: string | undefined;
  at: number;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
  contentType: string | undefined;
  at: number;
  /** The error Slack would give for this message (Block Kit limits), if any. */
  problem?: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}

type Handler = (params: Record<string, unknown>, call: RecordedCall) => Reply | Promise<Reply>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface LooseBlock {
  type: string;
  text?: { text: string };
  elements?: unknown[];
}

/** The limits Slack enforces (contract §4.1): returns the error Slack would give, if any. */
export function messageProblem(params: Record<string, unknown>): string | undefined {
  const text = params.text;
  if (typeof text === 'string' && text.length > 40_000) return 'msg_too_long';
  const blocks = params.blocks as LooseBlock[] | undefined;
  if (!blocks && (typeof text !== 'string' || text === '')) return 'no_text';
  if (!blocks) return undefined;
  if (!Array.isArray(blocks) || blocks.length > 50) return 'invalid_blocks';
  for (const block of blocks) {
    const textLength = block.text?.text.length ?? 0;
    if (block.type === 'section' && block.text && (textLength === 0 || textLength > 3000)) return 'invalid_blocks';
    if (block.type === 'header' && textLength > 150) return 'invalid_blocks';
    if (block.type === 'context' && (block.elements?.length ?? 0) > 10) return 'invalid_blocks';
    if (block.type === 'actions' && (block.elements?.length ?? 0) > 25) return 'invalid_blocks';
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) return raw ? JSON.parse(raw) : {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = key === 'blocks' || key === 'attachments' ? JSON.parse(value) : value;
  }
  return params;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly responseStatus = new Map<string, number>();
  private readonly files = new Map<string, { body: Buffer; contentType: string }>();
  /** Who asked for which file, and with which token (files are served only with the bot's). */
  readonly downloads: { path: string; token: string | undefined }[] = [];
  private server: Server | undefined;
  private nextTs = 1;
  private port = 0;

  constructor() {
    this.handlers.set('auth.test', () => ({ body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' } }));
    this.handlers.set('chat.postMessage', (params) => {
      const problem = messageProblem(params);
      if (problem) return { body: { ok: false, error: problem } };
      return {
        body: { ok: true, channel: params.channel, ts: `1800000000.${String(this.nextTs++).padStart(6, '0')}` },
      };
    });
    this.handlers.set('conversations.join', (params) => ({ body: { ok: true, channel: { id: params.channel } } }));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url for one command or action; `status` lets a test expire it. */
  responseUrl(id: string, status = 200): string {
    this.responseStatus.set(id, status);
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** Serves a file as Slack's url_private_download would, and returns that URL. */
  file(name: string, body: string | Buffer, contentType = 'text/plain'): string {
    const path = `/files-pri/T1-F${this.files.size + 1}/download/${name}`;
    this.files.set(path, { body: Buffer.isBuffer(body) ? body : Buffer.from(body), contentType });
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Replaces the answer of one Web API method. */
  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Calls other than the auth.test every Bolt app makes at start. */
  get workCalls(): RecordedCall[] {
    return this.calls.filter((call) => call.method !== 'auth.test');
  }

  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('FakeSlack.waitFor timed out');
      await sleep(5);
    }
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const contentType = req.headers['content-type'];
    if (path.startsWith('/files-pri/')) {
      const auth = req.headers.authorization;
      this.downloads.push({ path, token: auth?.startsWith('Bearer ') ? auth.slice(7) : undefined });
      const file = this.files.get(path);
      if (!file || !auth) res.writeHead(404).end();
      else res.writeHead(200, { 'Content-Type': file.contentType }).end(file.body);
      return;
    }
    if (path.startsWith('/response/')) {
      const id = path.slice('/response/'.length);
      const body = JSON.parse(raw);
      // response_url messages obey the same Block Kit limits as posts.
      const problem = body.blocks || body.text ? messageProblem(body) : undefined;
      this.responses.push({ id, body, contentType, at: Date.now(), ...(problem ? { problem } : {}) });
      res.writeHead(this.responseStatus.get(id) ?? 200).end();
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const auth = req.headers.authorization;
    const call: RecordedCall = {
      method,
      params: parseParams(raw, contentType),
      token: auth?.startsWith('Bearer ') ? auth.slice(7) : undefined,
      at: Date.now(),
    };
    this.calls.push(call);
    const handler: Handler = this.handlers.get(method) ?? (() => ({ body: { ok: true } }));
    const reply = await handler(call.params, call);
    if (reply.delayMs) await sleep(reply.delayMs);
    res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body ?? {}));
  }
}
