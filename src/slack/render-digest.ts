import type { DigestItem, DigestModel } from '../domain/digest.js';
import { escapeMrkdwn, inlineCode, link } from './escape.js';
import { type Block, clip, fitMessage, LIMITS, type RenderedMessage } from './limits.js';

/** Lines per list before "…and N more": a digest is read at a glance. */
const TOP_SHOWN = 15;
const NEW_SHOWN = 10;

function change(item: DigestItem): string {
  if (item.previousCount === 0) return 'none the day before';
  if (item.change === 0) return 'same as the day before';
  return `${item.change > 0 ? '▲' : '▼'}${Math.abs(item.change)} vs the day before`;
}

function itemLine(item: DigestItem, permalinks: Map<string, string>): string {
  const permalink = permalinks.get(`${item.provider}:${item.code}`);
  const thread = permalink ? ` · ${link(permalink, 'thread')}` : '';
  return `• ${inlineCode(item.code)} (${escapeMrkdwn(item.provider)}) ${escapeMrkdwn(item.title)}: *${item.count}*, ${change(item)}${thread}`;
}

/** A list as one section: as many lines as fit in 3000 characters and `shown`, then a count of the rest. */
function listSection(title: string, lines: string[], shown: number): Block {
  const kept: string[] = [];
  let length = title.length + 1;
  for (const line of lines.slice(0, shown)) {
    if (length + line.length + 40 > LIMITS.sectionText) break;
    kept.push(line);
    length += line.length + 1;
  }
  const rest = lines.length - kept.length;
  const more = rest > 0 ? [`_…and ${rest} more not shown._`] : [];
  return { type: 'section', text: { type: 'mrkdwn', text: [title, ...kept, ...more].join('\n') } };
}

function day(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 16);
}

/**
 * The digest as a Slack message. `permalinks` maps provider:code to a thread permalink (missing ones
 * are simply not linked). Quiet days give one short line.
 */
export function renderDigest(model: DigestModel, permalinks: Map<string, string> = new Map()): RenderedMessage {
  const window = `${day(model.from)} to ${day(model.to)} UTC`;
  if (model.total === 0) {
    const text = `No OAuth errors were seen in this channel in the past 24 hours (${window}).`;
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const summary = `*${model.total}* failure${model.total === 1 ? '' : 's'}, *${model.distinct}* distinct error${model.distinct === 1 ? '' : 's'}, *${model.newItems.length}* new in this channel.`;
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip('OAuth failures, past 24 hours', LIMITS.headerText) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: window }] },
    { type: 'section', text: { type: 'mrkdwn', text: summary } },
    listSection(
      '*Top errors*',
      model.items.map((item) => itemLine(item, permalinks)),
      TOP_SHOWN,
    ),
  ];
  if (model.newItems.length > 0) {
    blocks.push(
      listSection(
        '*New in this channel*',
        model.newItems.map((item) => itemLine(item, permalinks)),
        NEW_SHOWN,
      ),
    );
  }
  blocks.push(
    listSection(
      '*By provider*',
      model.perProvider.map((p) => `• ${escapeMrkdwn(p.name)}: ${p.count} (${p.distinct} distinct)`),
      20,
    ),
  );
  const text = `OAuth failures, past 24 hours: ${model.total} failures, ${model.distinct} distinct errors, ${model.newItems.length} new.`;
  return fitMessage({ text, blocks });
}

/** The digest as plain text for the terminal (`oauth-error-bot digest --preview`). */
export function digestToText(model: DigestModel): string {
  const window = `${day(model.from)} to ${day(model.to)} UTC`;
  if (model.total === 0) return `No OAuth errors in ${model.channelId} in the past 24 hours (${window}).\n`;
  const line = (item: DigestItem) => `  ${item.code} (${item.provider}) ${item.title}: ${item.count}, ${change(item)}`;
  return [
    `OAuth failures in ${model.channelId}, ${window}`,
    `${model.total} failures, ${model.distinct} distinct errors, ${model.newItems.length} new`,
    'Top errors:',
    ...model.items.map(line),
    ...(model.newItems.length ? ['New in this channel:', ...model.newItems.map(line)] : []),
    'By provider:',
    ...model.perProvider.map((p) => `  ${p.name}: ${p.count} (${p.distinct} distinct)`),
    '',
  ].join('\n');
}
