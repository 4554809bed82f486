import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FakeSlack } from './fake-slack.js';

/**
 * Slack's Socket Mode side (docs/slack-contract.md §5): `apps.connections.open` on the fake Web API
 * hands out a ws:// URL; each connection gets `hello`, then envelopes; acks are recorded.
 */
export class FakeSocketSlack {
  readonly acks: Array<{ envelope_id: string; payload?: unknown; at: number }> = [];
  connections = 0;
  private readonly server: WebSocketServer;
  private current: WebSocket | undefined;

  constructor(private readonly slack: FakeSlack) {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server.on('connection', (socket) => {
      this.connections += 1;
      this.current = socket;
      socket.on('message', (data) => this.acks.push({ ...JSON.parse(String(data)), at: Date.now() }));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
    });
    slack.on('apps.connections.open', () => ({ body: { ok: true, url: this.url } }));
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=${this.connections + 1}`;
  }

  /** Sends an envelope on the live connection and returns when it was sent. */
  send(envelope: Record<string, unknown>): number {
    if (!this.current) throw new Error('no Socket Mode connection');
    this.current.send(JSON.stringify(envelope));
    return Date.now();
  }

  /** Slack's scheduled refresh: a `disconnect` frame, then the socket closes. */
  refresh(): void {
    const socket = this.current;
    this.current = undefined;
    socket?.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } }));
    socket?.close();
  }

  waitForConnections(count: number): Promise<unknown> {
    return this.slack.waitFor(() => this.connections >= count && this.current !== undefined);
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
