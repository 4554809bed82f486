import { z } from 'zod';
import type { SharedFile } from '../../slack/shared-files.js';

/** A message a person posted that the bot may answer. */
export interface PastedMessage {
  channel: string;
  ts: string;
  /** Where to reply: the parent's ts for a thread reply, else the message's own ts. */
  threadTs: string;
  /** As Slack sent it (entities encoded, control sequences). */
  text: string;
  isPrivate: boolean;
  /** Text snippets and files shared with it (read after the ack, see slack/shared-files.ts). */
  files: SharedFile[];
}

/**
 * Only these subtypes are new text from a person (docs/slack-contract.md §3.2). Edits (`message_changed`),
 * deletions, joins and the rest are never answered.
 */
const PERSON_SUBTYPES = [undefined, 'file_share', 'thread_broadcast'];

const messageSchema = z.object({
  subtype: z.string().optional(),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  user: z.string().min(1),
  text: z.string(),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  bot_id: z.string().optional(),
  app_id: z.string().optional(),
  hidden: z.boolean().optional(),
  files: z
    .array(
      z.object({
        name: z.string().optional(),
        mimetype: z.string().optional(),
        filetype: z.string().optional(),
        mode: z.string().optional(),
        size: z.number().optional(),
        url_private_download: z.string().optional(),
        url_private: z.string().optional(),
      }),
    )
    .optional(),
});

/**
 * The message when a person wrote it, else undefined. Bots are never answered: our own messages
 * (bot_id or our user) and other apps' (bot_id/app_id with or without `bot_message`), which could loop.
 */
export function pastedMessage(event: unknown, botUserId: string | undefined): PastedMessage | undefined {
  const parsed = messageSchema.safeParse(event);
  if (!parsed.success) return undefined;
  const message = parsed.data;
  if (!PERSON_SUBTYPES.includes(message.subtype) || message.hidden) return undefined;
  if (message.bot_id || message.app_id || message.user === botUserId) return undefined;
  const files = message.files ?? [];
  if (message.text.trim() === '' && files.length === 0) return undefined;
  return {
    channel: message.channel,
    ts: message.ts,
    threadTs: message.thread_ts ?? message.ts,
    text: message.text,
    // app_mention events carry no channel_type; count them as private (see isPrivateChannelName).
    isPrivate: message.channel_type !== 'channel',
    files,
  };
}
