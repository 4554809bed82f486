import { describe, expect, it } from 'vitest';
import { FollowUpShedError, FollowUps } from '../../src/listeners/follow-ups.js';
import { createLogger } from '../../src/logger.js';
import { LoopLag } from '../../src/slack/loop-lag.js';

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

  it('sheds new work while the process says it is overloaded, with room in the queue', async () => {
    let overloaded = true;
    const followUps = new FollowUps({ logger: createLogger('error', () => undefined), overloaded: () => overloaded });
    expect(followUps.saturated).toBe(true);
    await expect(followUps.run(async () => undefined)).rejects.toBeInstanceOf(FollowUpShedError);
    overloaded = false;
    await expect(followUps.run(async () => undefined)).resolves.toBeUndefined();
  });
});

describe('LoopLag', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const block = (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until); // as a burst of synchronous work would
  };

  it('sees one blocked window, calls only two in a row sustained, and recovers', async () => {
    const lag = new LoopLag(100);
    await sleep(150);
    block(250);
    // The window that saw the block is the one read as soon as the loop runs again.
    await sleep(20);
    expect(lag.p99Ms).toBeGreaterThan(200);
    expect(lag.sustainedMs).toBeLessThan(200);
    block(250);
    await sleep(20);
    expect(lag.sustainedMs).toBeGreaterThan(200);
    // Later windows no longer see it (polled: a busy test machine may add a short hiccup of its own).
    let recovered = false;
    for (let tries = 0; tries < 10 && !recovered; tries += 1) {
      await sleep(100);
      recovered = lag.sustainedMs < 100;
    }
    expect(recovered).toBe(true);
    lag.stop();
  });
});
