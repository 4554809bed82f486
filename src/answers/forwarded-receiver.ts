import type { AckFn, App, Logger, Receiver, RespondArguments } from '@slack/bolt';
import { describeSlackError } from '../slack/api-errors.js';
import type { ForwardedRequest } from './protocol.js';

/** Posts a message to a command's or a button's response_url. */
export type RespondTo = (responseUrl: string, message: RespondArguments) => Promise<void>;

export const respondTo: RespondTo = async (responseUrl, message) => {
  const response = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
};

/**
 * The receiver of the answering app. Its requests come from the front, which has acknowledged them
 * already, so a listener's ack sends nothing to Slack, except when it carries a message (usage, "busy"):
 * that message then goes to the response_url, the one way left to reach the user.
 */
export class ForwardedReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly options: { logger: Logger; respondTo?: RespondTo }) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Runs the request through the app's listeners; resolves when they are done. */
  async process(request: ForwardedRequest): Promise<void> {
    if (!this.app) throw new Error('ForwardedReceiver.process called before the app was built');
    const responseUrl = typeof request.body.response_url === 'string' ? request.body.response_url : undefined;
    const send = this.options.respondTo ?? respondTo;
    const ack: AckFn<string | RespondArguments> = async (message) => {
      if (message === undefined || message === '' || !responseUrl) return;
      const body = typeof message === 'string' ? { response_type: 'ephemeral' as const, text: message } : message;
      await send(responseUrl, body).catch((error: unknown) => {
        this.options.logger.warn(`Could not send a late acknowledgement: ${describeSlackError(error)}`);
      });
    };
    await this.app.processEvent({
      body: request.body,
      ack,
      ...(request.retryNum !== undefined ? { retryNum: request.retryNum } : {}),
      ...(request.retryReason !== undefined ? { retryReason: request.retryReason } : {}),
    });
  }
}
