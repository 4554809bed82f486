import type { Match } from '../domain/findings.js';
import { escapeMrkdwn, inlineCode } from './escape.js';
import { type Block, fitMessage, LIMITS, type RenderedMessage } from './limits.js';
import type { RenderOptions } from './render.js';

/** Messages of the slash command itself: usage, choices, no match. Shown only to the caller. */

/** Also the `usage_hint` in manifest.yml (a unit test keeps the two equal). */
export const USAGE_HINT =
  '<code or message> [--provider id] | autoreply on|off | digest on [HH:MM] [zone] [quiet-off]|off|now|preview';

/** action_id prefix of the "pick this entry" buttons; the button's value is the entry key. */
export const PICK_ACTION = 'oauth_error_pick';

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

export function renderUsage(note?: string): RenderedMessage {
  const lines = [
    ...(note ? [note, ''] : []),
    `*/oauth-error* ${escapeMrkdwn(USAGE_HINT)}`,
    '• `/oauth-error AADSTS50011`, `/oauth-error invalid_grant okta` (or `--provider okta`), or paste an error message.',
    '• `/oauth-error autoreply off|on`: explain errors pasted in this channel (in their threads), or stop.',
    '• `/oauth-error digest on 09:00 Europe/Berlin`: a daily digest of failures here (a quiet day gets one line; add `quiet-off` to skip it); `off`, `now`, `preview`.',
  ];
  return fitMessage({ text: `Usage: /oauth-error ${USAGE_HINT}`, blocks: [section(lines.join('\n'))] });
}

export interface Choice {
  /** Entry key (`provider:code` or `provider:code@context`). */
  key: string;
  label: string;
}

/** One label per choice: provider name, plus the context when one provider has the code twice. */
export function choicesOf(matches: Match[], options: RenderOptions): Choice[] {
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const match of matches) {
    const key = match.entry?.key;
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const contextLabel = match.entry?.context?.label;
    const name = options.providerName(match.provider);
    choices.push({ key, label: `${name}: ${match.code}${contextLabel ? ` (${contextLabel})` : ''}` });
  }
  return choices;
}

function buttons(choices: Choice[]): Block[] {
  const blocks: Block[] = [];
  const capped = choices.slice(0, 40);
  for (let start = 0; start < capped.length; start += LIMITS.actionsElements) {
    blocks.push({
      type: 'actions',
      elements: capped.slice(start, start + LIMITS.actionsElements).map((choice, i) => ({
        type: 'button' as const,
        // action_ids must be unique within a block; the listener matches the prefix.
        action_id: `${PICK_ACTION}:${start + i}`,
        value: choice.key.slice(0, LIMITS.buttonValue),
        text: { type: 'plain_text' as const, text: choice.label.slice(0, LIMITS.buttonText) },
      })),
    });
  }
  return blocks;
}

/** Several providers fit equally well: the user picks one (`--provider` does the same up front). */
export function renderChoice(query: string, choices: Choice[]): RenderedMessage {
  const text = `${inlineCode(query)} is defined by several providers. Which one do you mean? (Or add \`--provider <id>\`.)`;
  return fitMessage({
    text: `Several providers define ${escapeMrkdwn(query)}.`,
    blocks: [section(text), ...buttons(choices)],
  });
}

export function renderNoMatch(query: string, suggestions: Choice[]): RenderedMessage {
  const lines = [`No catalog entry matches ${inlineCode(query)} (unknown code).`];
  if (suggestions.length > 0) lines.push('Closest entries:');
  else lines.push(`Try a code such as \`AADSTS50011\` or \`invalid_grant\`, or \`/oauth-error help\`.`);
  return fitMessage({
    text: `No catalog entry matches ${escapeMrkdwn(query)}.`,
    blocks: [section(lines.join('\n')), ...buttons(suggestions)],
  });
}

export function renderNote(text: string): RenderedMessage {
  return fitMessage({ text, blocks: [section(text)] });
}
