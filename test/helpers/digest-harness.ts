import { webApi } from '@slack/bolt';
import { type Catalog, loadCatalogs } from '../../src/domain/catalog.js';
import { createLogger } from '../../src/logger.js';
import { DigestService } from '../../src/schedule/digest-service.js';
import { OutboxPoster } from '../../src/slack/outbox-poster.js';
import type { Occurrence, Store } from '../../src/store/store.js';
import { FakeSlack } from './fake-slack.js';

let catalog: Catalog | undefined;

export interface DigestHarness {
  slack: FakeSlack;
  service: DigestService;
  logs: string[];
  setNow(iso: string): void;
  now(): Date;
  /** Another instance (its own client, outbox poster and memory) over a store, sharing the fake Slack and clock. */
  instance(store: Store): DigestService;
  /** Waits until every queued digest has been posted (or given up). */
  flush(): Promise<void>;
}

/** A DigestService against a fake Slack on loopback, with a clock the test moves. */
export async function digestHarness(store: Store, slack?: FakeSlack): Promise<DigestHarness> {
  catalog ??= await loadCatalogs();
  const fake = slack ?? (await new FakeSlack().start());
  const logs: string[] = [];
  const logger = createLogger('info', (line) => logs.push(line));
  let current = new Date('2026-11-24T08:00:00Z');
  const clock = () => current;
  const posters: OutboxPoster[] = [];
  const instance = (instanceStore: Store) => {
    const options = { slackApiUrl: fake.url, retryConfig: { retries: 0 }, logger };
    const client = new webApi.WebClient('xoxb-test-token', options);
    const postClient = new webApi.WebClient('xoxb-test-token', { ...options, rejectRateLimitedCalls: true });
    // The outbox runs on real time (Retry-After is real seconds); the digest's schedule on the test's clock.
    const outbox = new OutboxPoster({ store: instanceStore, client: postClient, logger, minIntervalMs: 10 });
    posters.push(outbox);
    return new DigestService({ store: instanceStore, catalog: catalog as Catalog, client, outbox, logger, clock });
  };
  return {
    slack: fake,
    service: instance(store),
    flush: async () => {
      for (const poster of posters) await poster.idle();
    },
    logs,
    setNow: (iso) => {
      current = new Date(iso);
    },
    now: clock,
    instance,
  };
}

export function failure(overrides: Partial<Occurrence>): Occurrence {
  const row: Omit<Occurrence, 'entryKey'> & Partial<Occurrence> = {
    teamId: 'T1',
    channelId: 'C1',
    messageTs: '1700000000.000100',
    threadTs: '1700000000.000100',
    provider: 'oauth2',
    code: 'invalid_grant',
    confidence: 'exact',
    method: 'code',
    source: 'message',
    isPrivate: false,
    seenAt: new Date('2026-11-24T07:00:00Z'),
    ...overrides,
  };
  // The entry of the code given, unless the test says which (or none: a code no catalog has).
  return { ...row, entryKey: 'entryKey' in overrides ? (overrides.entryKey ?? null) : `${row.provider}:${row.code}` };
}
