/**
 * Entry point of the answer thread (see answer-thread.ts): builds the answering side and runs every
 * request the front forwards. Only answer-thread.ts starts it.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { CatalogError, ConfigError, StoreError } from '../errors.js';
import { createLogger } from '../logger.js';
import { describeSlackError } from '../slack/api-errors.js';
import { startAnswering } from './answering.js';
import type { AnswerWorkerData, FromAnswerThread, ToAnswerThread } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('answer-worker.ts runs only as a worker thread');
const { config, tuning } = workerData as AnswerWorkerData;
const logger = createLogger(config.logLevel);
const send = (message: FromAnswerThread) => port.postMessage(message);

// Answers can wait; acks cannot (Slack's 3 s). On Linux a thread has its own nice value, and pid 0 means
// this thread: under CPU contention the front's acks come first. Elsewhere this may apply to the whole
// process or be refused; the bot works the same either way, so a refusal is only logged.
try {
  setPriority(0, 10);
} catch (error) {
  logger.info(
    `Could not lower the answer thread's priority: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** Answers in progress; a stop lets them finish (they were acked, and Slack will not send them again). */
const inFlight = new Set<Promise<void>>();
const DRAIN_MS = 5000;

try {
  const answering = await startAnswering(config, { logger, ...(tuning ? { tuning } : {}) });
  port.on('message', (message: ToAnswerThread) => {
    if (message.type === 'request') {
      const answer = answering
        .process(message.request)
        .catch((error: unknown) => logger.error(`Could not answer a Slack request: ${describeSlackError(error)}`))
        .finally(() => {
          inFlight.delete(answer);
          send({ type: 'done', ...(message.pastedBytes !== undefined ? { pastedBytes: message.pastedBytes } : {}) });
        });
      inFlight.add(answer);
      return;
    }
    const drained = Promise.allSettled([...inFlight]);
    const timeout = new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref());
    void Promise.race([drained, timeout])
      .then(() => answering.stop())
      .finally(() => send({ type: 'stopped' }));
  });
  send({
    type: 'ready',
    providers: [...answering.catalog.providers.keys()],
    entries: answering.catalog.entries.length,
  });
} catch (error) {
  const known = error instanceof ConfigError || error instanceof CatalogError || error instanceof StoreError;
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error), known });
  port.close();
}
