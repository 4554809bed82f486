import type { DigestItem, DigestModel, DigestUnknownCode } from '../domain/digest.js';
import { localDateTime } from '../domain/local-time.js';
import { escapeMrkdwn, inlineCode, link } from './escape.js';
import { type Block, clip, fitMessage, LIMITS, type RenderedMessage } from './limits.js';

/** Lines per list before "…and N more": a digest is read at a glance. */
const TOP_SHOWN = 15;
const NEW_SHOWN = 10;
const UNKNOWN_SHOWN = 20;

function change(item: DigestItem): string {
  if (item.previousCount === 0) return 'none the day before';
  if (item.change === 0) return 'same as the day before';
  return `${item.change > 0 ? '▲' : '▼'}${Math.abs(item.change)} vs the day before`;
}

/**
 * A provider's name without its parenthesised scope ("Salesforce (connected apps and external client
 * apps)" → "Salesforce"): a digest line names the provider beside the code, the full name is under "By provider".
 */
export function shortProviderName(name: string): string {
  return name.replace(/\s*\([^()]*\)$/, '') || name;
}

/** "IP restricted or invalid login hours (Salesforce)" beside "(Salesforce)" says it once. */
function titleOf(item: DigestItem, provider: string): string | undefined {
  const suffix = ` (${provider})`;
  return item.title?.endsWith(suffix) ? item.title.slice(0, -suffix.length) : item.title;
}

function itemLine(item: DigestItem, permalinks: Map<string, string>): string {
  const permalink = permalinks.get(item.key);
  const thread = permalink ? ` · ${link(permalink, 'thread')}` : '';
  const provider = shortProviderName(item.providerName);
  const title = titleOf(item, provider);
  const named = `${inlineCode(item.code)} (${escapeMrkdwn(provider)})${title ? ` ${escapeMrkdwn(title)}` : ''}`;
  return `• ${named}: *${item.count}*, ${change(item)}${thread}`;
}

function unknownPart(code: DigestUnknownCode): string {
  return `${inlineCode(code.code)} (${escapeMrkdwn(shortProviderName(code.providerName))}) ×${code.count}`;
}

/** Lines that fit `max` characters and `shown`, then a count of the rest. */
function fitLines(head: string, lines: string[], shown: number, separator: string): string {
  const kept: string[] = [];
  let length = head.length + 1;
  for (const line of lines.slice(0, shown)) {
    if (length + line.length + 40 > LIMITS.sectionText) break;
    kept.push(line);
    length += line.length + separator.length;
  }
  const rest = lines.length - kept.length;
  return head + [...kept, ...(rest > 0 ? [`_…and ${rest} more not shown._`] : [])].join(separator);
}

/** A list as one section: as many lines as fit in 3000 characters and `shown`, then a count of the rest. */
function listSection(title: string, lines: string[], shown: number): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: fitLines(`${title}\n`, lines, shown, '\n') } };
}

/** "2026-11-23 10:00 to 2026-11-24 10:00 Europe/Berlin": the window as the channel's clocks show it. */
export function digestWindow(model: DigestModel): string {
  const at = (date: Date) => {
    const local = localDateTime(date, model.timeZone);
    return `${local.date} ${local.time}`;
  };
  return `${at(model.from)} to ${at(model.to)} ${model.timeZone}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The digest as a Slack message. `permalinks` maps an item's key to a thread permalink (missing ones are
 * simply not linked). Quiet days give one short line.
 */
export function renderDigest(model: DigestModel, permalinks: Map<string, string> = new Map()): RenderedMessage {
  const window = escapeMrkdwn(digestWindow(model));
  if (model.total === 0) {
    const text = `No OAuth errors were seen in this channel in the past 24 hours (${window}).`;
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const summary = `*${model.total}* failure${model.total === 1 ? '' : 's'}, *${model.distinct}* distinct error${model.distinct === 1 ? '' : 's'}, *${model.newItems.length}* new in this channel.`;
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip('OAuth failures, past 24 hours', LIMITS.headerText) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: window }] },
    { type: 'section', text: { type: 'mrkdwn', text: summary } },
  ];
  if (model.items.length > 0) {
    blocks.push(
      listSection(
        '*Top errors*',
        model.items.map((item) => itemLine(item, permalinks)),
        TOP_SHOWN,
      ),
    );
  }
  if (model.newItems.length > 0) {
    blocks.push(
      listSection(
        '*New in this channel*',
        model.newItems.map((item) => itemLine(item, permalinks)),
        NEW_SHOWN,
      ),
    );
  }
  if (model.unknown.length > 0) {
    const line = fitLines('*Not in our catalogs yet:* ', model.unknown.map(unknownPart), UNKNOWN_SHOWN, ', ');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: line } });
  }
  blocks.push(
    listSection(
      '*By provider*',
      model.perProvider.map((p) => `• ${escapeMrkdwn(p.name)}: ${p.count} (${p.distinct} distinct)`),
      20,
    ),
  );
  const text = `OAuth failures, past 24 hours: ${plural(model.total, 'failure')}, ${plural(model.distinct, 'distinct error')}, ${model.newItems.length} new.`;
  return fitMessage({ text, blocks });
}

/** The digest as plain text for the terminal (`oauth-error-bot digest --preview`). */
export function digestToText(model: DigestModel): string {
  const window = digestWindow(model);
  if (model.total === 0) return `No OAuth errors in ${model.channelId} in the past 24 hours (${window}).\n`;
  const line = (item: DigestItem) => {
    const provider = shortProviderName(item.providerName);
    const title = titleOf(item, provider);
    return `  ${item.code} (${provider})${title ? ` ${title}` : ''}: ${item.count}, ${change(item)}`;
  };
  const unknown = model.unknown.map((code) => `${code.code} (${shortProviderName(code.providerName)}) ×${code.count}`);
  return [
    `OAuth failures in ${model.channelId}, ${window}`,
    `${plural(model.total, 'failure')}, ${plural(model.distinct, 'distinct error')}, ${model.newItems.length} new`,
    ...(model.items.length ? ['Top errors:', ...model.items.map(line)] : []),
    ...(model.newItems.length ? ['New in this channel:', ...model.newItems.map(line)] : []),
    ...(unknown.length ? [`Not in our catalogs yet: ${unknown.join(', ')}`] : []),
    'By provider:',
    ...model.perProvider.map((p) => `  ${p.name}: ${p.count} (${p.distinct} distinct)`),
    '',
  ].join('\n');
}
