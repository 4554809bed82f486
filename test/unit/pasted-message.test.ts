import { describe, expect, it } from 'vitest';
import { pastedMessage } from '../../src/listeners/messages/pasted-message.js';
import { fixture } from '../helpers/slack-request.js';

describe('pastedMessage', () => {
  it('keeps messages people wrote, with the thread to answer in', () => {
    expect(pastedMessage(fixture('message').event, 'UBOT')).toMatchObject({
      threadTs: '1700000000.000100',
      isPrivate: false,
    });
    expect(pastedMessage(fixture('thread-reply'), 'UBOT')).toMatchObject({
      ts: '1700000000.000200',
      threadTs: '1700000000.000100',
    });
    expect(pastedMessage(fixture('file-share'), 'UBOT')).toBeDefined();
    expect(pastedMessage({ ...fixture('message').event, channel_type: 'group' }, 'UBOT')?.isPrivate).toBe(true);
  });

  it('drops bots, ourselves, edits, deletions, joins and empty text', () => {
    for (const name of [
      'own-reply',
      'classic-bot-message',
      'app-message',
      'message-changed',
      'message-deleted',
      'channel-join',
    ]) {
      expect(pastedMessage(fixture(name), 'UBOT')).toBeUndefined();
    }
    expect(pastedMessage({ ...fixture('message').event, user: 'UBOT' }, 'UBOT')).toBeUndefined();
    expect(pastedMessage({ ...fixture('file-share'), text: ' ', files: [] }, 'UBOT')).toBeUndefined();
    // A shared file with no text beside it is still read (its content may be the whole log).
    expect(pastedMessage({ ...fixture('file-share'), text: ' ' }, 'UBOT')?.files).toHaveLength(1);
    expect(pastedMessage({ type: 'message' }, 'UBOT')).toBeUndefined();
  });
});
