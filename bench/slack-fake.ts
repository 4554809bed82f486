/** The fake Slack Web API of bench/slack.ts, in its own worker thread so it loads neither side being measured. */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { FakeSlack } from '../test/helpers/fake-slack.js';

// Slack's servers do not share the bot's CPU; on one small machine they do. At a lower priority (a thread's
// own nice value on Linux) the fake takes what the apps and the load generator leave, closer to production.
// Only the bot gives the fake work (the bare app posts nothing), so at equal priority its cost lands on the bot's acks.
try {
  setPriority(0, 10);
} catch {
  // Not on Linux, or refused: measured as before, at equal priority.
}

const slack = await new FakeSlack().start();
// Only the counts matter here; dropping the records keeps memory flat over long runs.
let posts = 0;
let responses = 0;
const tally = () => {
  posts += slack.callsOf('chat.postMessage').length;
  responses += slack.responses.length;
  slack.calls.length = 0;
  slack.responses.length = 0;
};
setInterval(tally, 1000).unref();
parentPort?.postMessage({ slackApiUrl: slack.url, responseUrl: slack.responseUrl('bench') });
parentPort?.on('message', async (message: string) => {
  if (message === 'count') {
    tally();
    parentPort?.postMessage({ posts, responses });
    return;
  }
  await slack.close();
  parentPort?.close();
});
