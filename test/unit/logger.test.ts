import { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ForwardedReceiver } from '../../src/answers/forwarded-receiver.js';
import { createLogger } from '../../src/logger.js';

describe('logger', () => {
  it('keeps LOG_LEVEL when Bolt is given it (Bolt would reset any logger to INFO)', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    new App({
      token: 'xoxb-test-token',
      botId: 'BBOT',
      botUserId: 'UBOT',
      logger,
      receiver: new ForwardedReceiver({ logger }),
    });
    logger.info('an info line');
    logger.warn('a warning');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ WARN \[oauth-error-bot\] a warning$/);
  });

  it('never writes debug output, which carries request bodies', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    logger.debug('body: secret message text');
    logger.info('started');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('started');
  });
});
