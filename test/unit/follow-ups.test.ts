import { describe, expect, it } from 'vitest';
import { FollowUpShedError, FollowUps } from '../../src/listeners/follow-ups.js';
import { createLogger } from '../../src/logger.js';

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('FollowUps', () => {
  it('runs at most `concurrency` tasks at once, the rest in order', async () => {
    const followUps = new FollowUps({ logger: createLogger('error', () => undefined), concurrency: 2, maxWaiting: 10 });
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      followUps.run(async () => {
        started.push(i);
        await g.opened;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    expect(followUps.pending).toBe(3);
    gates[0]?.open();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    await Promise.all(runs);
    expect(followUps.pending).toBe(0);
  });

  it('sheds new work beyond `maxWaiting`, logging once per hundred, and passes task errors on', async () => {
    const logs: string[] = [];
    const followUps = new FollowUps({
      logger: createLogger('info', (line) => logs.push(line)),
      concurrency: 1,
      maxWaiting: 1,
    });
    const g = gate();
    const running = followUps.run(() => g.opened);
    const waiting = followUps.run(async () => undefined);
    const shed = await Promise.all(
      Array.from({ length: 150 }, () => followUps.run(async () => undefined).catch((error: unknown) => error)),
    );
    expect(shed.every((error) => error instanceof FollowUpShedError)).toBe(true);
    expect(logs.filter((line) => line.includes('Overloaded'))).toHaveLength(2);
    g.open();
    await Promise.all([running, waiting]);
    await expect(followUps.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
