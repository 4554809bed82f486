import type { Finding, Match, SupportIds } from '../domain/findings.js';
import type { SecretKind } from '../domain/secrets.js';
import { escapeMrkdwn, inlineCode, link } from './escape.js';
import { type Block, clip, fitMessage, type RenderedMessage } from './limits.js';

/** Matches (domain) → Block Kit + fallback text. Pure; every piece of text is escaped here. */

export interface RenderOptions {
  /** Display name of a provider id (`okta` → `Okta`). */
  providerName(id: string): string;
}

/** Auto-replies show this many errors in full; the rest get one line. */
export const AUTO_REPLY_SHOWN = 5;
const SHORT_CAUSE = 300;

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (texts: string[]): Block => ({
  type: 'context',
  elements: texts.slice(0, 10).map((text) => ({ type: 'mrkdwn' as const, text })),
});

function providerLabel(match: Match, options: RenderOptions): string {
  const name = escapeMrkdwn(options.providerName(match.provider));
  const contextLabel = match.entry?.context?.label;
  return contextLabel ? `${name} · ${escapeMrkdwn(contextLabel)}` : name;
}

/**
 * `*Readable title* `code` (OfficialName) · Provider`: the first line of every explanation. Where the
 * official title is an internal name (Entra's InvalidReplyTo) the entry's summary leads and the official
 * name stands beside the code, where people search for it.
 */
function headline(match: Match, options: RenderOptions): string {
  const summary = match.entry?.summary;
  const official = summary ? ` (${escapeMrkdwn(match.title)})` : '';
  return `*${escapeMrkdwn(summary ?? match.title)}*  ${inlineCode(match.code)}${official} · ${providerLabel(match, options)}`;
}

const ACTOR_LABELS: Record<string, string> = {
  user: 'the person signing in',
  admin: 'an administrator (tenant, org or workspace)',
  developer: 'the app’s developer',
  provider: 'only the provider (an outage or their bug)',
};

/** "Who can fix it: the app's developer, an administrator": whom the channel should call. */
function whoCanFix(match: Match): string | undefined {
  const actors = match.entry?.actors ?? [];
  if (actors.length === 0) return undefined;
  return `*Who can fix it:* ${actors.map((actor) => ACTOR_LABELS[actor] ?? actor).join(', ')}`;
}

/** action_ids of the feedback buttons; their value is the entry key. */
export const VOTE_ACTIONS = { helpful: 'oauth_error_vote_helpful', wrong: 'oauth_error_vote_wrong' } as const;

/** Helpful / Wrong answer under an explanation: votes tell the catalog's keepers which entries mislead. */
function feedbackButtons(match: Match): Block | undefined {
  const key = match.entry?.key;
  if (!key) return undefined;
  const button = (action: string, text: string) => ({
    type: 'button' as const,
    action_id: action,
    value: key,
    text: { type: 'plain_text' as const, text },
  });
  return {
    type: 'actions',
    elements: [button(VOTE_ACTIONS.helpful, 'Helpful'), button(VOTE_ACTIONS.wrong, 'Wrong answer')],
  } as Block;
}

function links(match: Match, max = 5): string {
  return match.links
    .slice(0, max)
    .map((item) => link(item.url, item.title))
    .join(' · ');
}

function firstSentence(text: string, max: number): string {
  const end = text.search(/[.!?](\s|$)/);
  const sentence = end === -1 ? text : text.slice(0, end + 1);
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1)}…`;
}

/** The full explanation of one match (slash command thread, picker choice). */
export function renderMatch(match: Match, options: RenderOptions): RenderedMessage {
  const entry = match.entry;
  const facts = [entry?.http_status && `HTTP ${entry.http_status}`, entry?.spec].filter(Boolean).join(' · ');
  const blocks: Block[] = [section(headline(match, options) + (facts ? `\n${escapeMrkdwn(facts)}` : ''))];
  if (entry) {
    blocks.push(section(`*Cause*\n${escapeMrkdwn(entry.cause)}`));
    const steps = entry.resolution.map((step, i) => `${i + 1}. ${escapeMrkdwn(step)}`).join('\n');
    const who = whoCanFix(match);
    blocks.push(section(`*Resolution*\n${steps}${who ? `\n${who}` : ''}`));
  } else {
    blocks.push(section('This code is not in the catalog yet. The provider’s own reference explains it:'));
  }
  if (match.links.length > 0) blocks.push(section(`*Docs*  ${links(match, 10)}`));
  const notes = [...(entry?.warnings ?? []), ...match.notices].map((note) => `:warning: ${escapeMrkdwn(note)}`);
  if (notes.length > 0) blocks.push(context(notes));
  const text = `${match.title} (${match.code}, ${options.providerName(match.provider)})${entry ? `: ${entry.cause}` : ''}`;
  return fitMessage({ text: escapeMrkdwn(text), blocks });
}

/** action_id of the "Share in channel" button; its value is the entry key. */
export const SHARE_ACTION = 'oauth_error_share';
/** action_id of the "Official docs" link button (Slack sends its clicks too; they only need an ack). */
export const DOCS_ACTION = 'oauth_error_docs';

/**
 * A lookup's answer, shown only to the person who asked: the explanation and buttons to share it in the
 * channel and to open the official docs. The query is never part of it (it may hold a pasted secret).
 */
export function renderPrivateAnswer(match: Match, options: RenderOptions): RenderedMessage {
  const answer = renderMatch(match, options);
  const elements: unknown[] = [];
  if (match.entry) {
    elements.push({
      type: 'button',
      action_id: SHARE_ACTION,
      value: match.entry.key,
      text: { type: 'plain_text', text: 'Share in channel' },
    });
  }
  const docs = match.links[0];
  if (docs) {
    elements.push({
      type: 'button',
      action_id: DOCS_ACTION,
      url: docs.url,
      text: { type: 'plain_text', text: 'Official docs' },
    });
  }
  const votes = feedbackButtons(match) as { elements?: unknown[] } | undefined;
  elements.push(...(votes?.elements ?? []));
  if (elements.length === 0) return answer;
  return fitMessage({ text: answer.text, blocks: [...answer.blocks, { type: 'actions', elements } as Block] });
}

/** The answer someone chose to share: who shared it, then the explanation. Never the query. */
export function renderSharedAnswer(match: Match, userId: string, options: RenderOptions): RenderedMessage {
  const answer = renderMatch(match, options);
  const who = /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : 'Someone';
  return fitMessage({
    text: answer.text,
    blocks: [context([`${who} shared this explanation with \`/oauth-error\``]), ...answer.blocks],
  });
}

/** Where a finding stands in the paste: its line, what the line says (credentials masked), how often. */
export interface FindingPlace {
  /** Where its line is: "Line 12", "server.log, line 3". */
  where?: string | undefined;
}

function findingSection(finding: Finding, options: RenderOptions, place?: FindingPlace): Block[] {
  const lines = [headline(finding, options)];
  const repeats = finding.occurrences > 1 ? ` · ×${finding.occurrences}` : '';
  const where = escapeMrkdwn(place?.where ?? `Line ${finding.line}`);
  lines.push(`_${where}${repeats}:_ ${inlineCode(clip(finding.excerpt, 120))}`);
  if (finding.entry) {
    lines.push(escapeMrkdwn(firstSentence(finding.entry.cause, SHORT_CAUSE)));
    const steps = finding.entry.resolution.slice(0, 3).map((step) => `• ${escapeMrkdwn(step)}`);
    lines.push(`*Fix:*\n${steps.join('\n')}`);
    const who = whoCanFix(finding);
    if (who) lines.push(who);
  } else {
    lines.push('Not in the catalog yet; see the provider’s reference.');
  }
  if (finding.links.length > 0) lines.push(links(finding, 3));
  const votes = feedbackButtons(finding);
  return [section(clip(lines.join('\n'), 3000)), ...(votes ? [votes] : [])];
}

function supportLine(support: SupportIds): string | undefined {
  const parts = [
    support.traceId && `Trace ID ${inlineCode(support.traceId)}`,
    support.requestId && `Request ID ${inlineCode(support.requestId)}`,
    support.correlationId && `Correlation ID ${inlineCode(support.correlationId)}`,
    support.timestamp && `Timestamp ${inlineCode(support.timestamp)}`,
    support.oktaErrorId && `Okta errorId ${inlineCode(support.oktaErrorId)}`,
  ].filter(Boolean);
  return parts.length > 0 ? `For a support ticket: ${parts.join(' · ')}` : undefined;
}

/**
 * `invalid_grant (Microsoft Entra ID, Salesforce ×2)`: one item per code, in the order first seen, with the
 * providers whose meaning of it was found. A paste can hold one generic code in several meanings, and a
 * list repeating `invalid_grant` four times tells the reader nothing.
 */
function byCode(findings: Finding[], options: RenderOptions): { code: string; providers: string }[] {
  const groups = new Map<string, Map<string, number>>();
  for (const finding of findings) {
    const providers = groups.get(finding.code) ?? new Map<string, number>();
    const name = options.providerName(finding.provider);
    providers.set(name, (providers.get(name) ?? 0) + 1);
    groups.set(finding.code, providers);
  }
  return [...groups].map(([code, providers]) => ({
    code,
    providers: [...providers].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(', '),
  }));
}

/**
 * A warning that a message holds credentials: what kind, and what to do, never the value itself. Shown
 * first in the thread reply (also when the message holds no error).
 */
export function renderSecretWarning(kinds: SecretKind[]): RenderedMessage {
  const what = kinds.map((kind) => kind.label);
  const list = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what.at(-1)}` : what[0];
  const advice = [...new Set(kinds.map((kind) => kind.advice))].map((line) => `• ${escapeMrkdwn(line)}`);
  const text = `:rotating_light: This message seems to contain ${escapeMrkdwn(list ?? 'a credential')}. Anyone in this conversation can read it:\n${advice.join('\n')}`;
  return fitMessage({ text: `This message seems to contain ${list}.`, blocks: [section(text)] });
}

export interface FindingsReply {
  support: SupportIds;
  /** Shown first: the paste holds credentials. */
  warning?: RenderedMessage;
  /** Where a line is, when the paste has files too. */
  placeOf?: (line: number) => string;
}

/** The thread reply to a pasted log: the first few errors in full, one line for the rest. */
export function renderFindings(findings: Finding[], reply: FindingsReply, options: RenderOptions): RenderedMessage {
  const { support, warning, placeOf } = reply;
  const shown = findings.slice(0, AUTO_REPLY_SHOWN);
  const rest = findings.slice(AUTO_REPLY_SHOWN);
  const blocks: Block[] = warning ? [...warning.blocks, { type: 'divider' }] : [];
  shown.forEach((finding, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(...findingSection(finding, options, { where: placeOf?.(finding.line) }));
  });
  const footer: string[] = [];
  if (rest.length > 0) {
    const codes = byCode(rest, options).map(
      ({ code, providers }) => `${inlineCode(code)} (${escapeMrkdwn(providers)})`,
    );
    const more = codes.length > 20 ? ` and ${codes.length - 20} others` : '';
    footer.push(
      `+${rest.length} more: ${codes.slice(0, 20).join(', ')}${more}. Use \`/oauth-error <code>\` for details.`,
    );
  }
  const supportText = supportLine(support);
  if (supportText) footer.push(supportText);
  if (footer.length > 0) blocks.push(context(footer));
  const text = byCode(findings, options)
    .map(({ code, providers }) => `${code} (${providers})`)
    .join(', ');
  return fitMessage({ text: escapeMrkdwn(`Explained: ${text}`), blocks });
}
