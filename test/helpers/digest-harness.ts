import { webApi } from '@slack/bolt';
import { type Catalog, loadCatalogs } from '../../src/domain/catalog.js';
import { createLogger } from '../../src/logger.js';
import { DigestService } from '../../src/schedule/digest-service.js';
import { PostQueue } from '../../src/slack/post-queue.js';
import type { Occurrence, Store } from '../../src/store/store.js';
import { FakeSlack } from './fake-slack.js';

let catalog: Catalog | undefined;

export interface DigestHarness {
  slack: FakeSlack;
  service: DigestService;
  logs: string[];
  setNow(iso: string): void;
  now(): Date;
  /** Another instance (its own client, queue and memory) over a store, sharing the fake Slack and clock. */
  instance(store: Store): DigestService;
}

/** A DigestService against a fake Slack on loopback, with a clock the test moves. */
export async function digestHarness(store: Store, slack?: FakeSlack): Promise<DigestHarness> {
  catalog ??= await loadCatalogs();
  const fake = slack ?? (await new FakeSlack().start());
  const logs: string[] = [];
  const logger = createLogger('info', (line) => logs.push(line));
  let current = new Date('2026-11-24T08:00:00Z');
  const clock = () => current;
  const instance = (instanceStore: Store) => {
    const options = { slackApiUrl: fake.url, retryConfig: { retries: 0 }, logger };
    const client = new webApi.WebClient('xoxb-test-token', options);
    const postClient = new webApi.WebClient('xoxb-test-token', { ...options, rejectRateLimitedCalls: true });
    const poster = new PostQueue({ client: postClient, logger, minIntervalMs: 10 });
    return new DigestService({ store: instanceStore, catalog: catalog as Catalog, client, poster, logger, clock });
  };
  return {
    slack: fake,
    service: instance(store),
    logs,
    setNow: (iso) => {
      current = new Date(iso);
    },
    now: clock,
    instance,
  };
}

export function failure(overrides: Partial<Occurrence>): Occurrence {
  return {
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
}
