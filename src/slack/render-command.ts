import type { LoadedEntry } from '../domain/findings.js';
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

/** At a word's end within `max` characters: labels cut mid-word read as typos. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:·(—-]+$/, '')}…`;
}

/**
 * One label per entry. `sameCode`: every choice is one code in several providers or contexts, so the
 * label is who means it (`Salesforce · expired access or refresh token`); otherwise, for near misses of a
 * typo, the code and what it is (`invalid_grant · Invalid grant (OAuth 2.0 standards)`).
 */
export function choicesOf(entries: LoadedEntry[], options: RenderOptions, how: { sameCode: boolean }): Choice[] {
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const entry of entries) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    const name = options.providerName(entry.provider);
    const context = entry.context?.label;
    const label = how.sameCode
      ? `${name}${context ? ` · ${context}` : ''}`
      : `${entry.code} · ${entry.summary ?? entry.title} (${name})`;
    choices.push({ key: entry.key, label: shorten(label, LIMITS.buttonText) });
  }
  return choices;
}

/** Up to this many choices are buttons; more become one menu (Slack allows 100 options). */
const BUTTONS_MAX = 5;
const MENU_MAX = 100;

function choiceBlocks(choices: Choice[]): Block[] {
  if (choices.length <= BUTTONS_MAX) {
    return [
      {
        type: 'actions',
        elements: choices.map((choice, i) => ({
          type: 'button' as const,
          // action_ids must be unique within a block; the listener matches the prefix.
          action_id: `${PICK_ACTION}:${i}`,
          value: choice.key.slice(0, LIMITS.buttonValue),
          text: { type: 'plain_text' as const, text: choice.label },
        })),
      },
    ];
  }
  return [
    {
      type: 'actions',
      elements: [
        {
          type: 'static_select' as const,
          action_id: `${PICK_ACTION}:menu`,
          placeholder: { type: 'plain_text' as const, text: `Choose one of ${choices.length}` },
          options: choices.slice(0, MENU_MAX).map((choice) => ({
            text: { type: 'plain_text' as const, text: choice.label },
            value: choice.key.slice(0, 150),
          })),
        },
      ],
    },
  ];
}

/** Several providers or contexts fit equally well: the user picks one (`--provider` does the same up front). */
export function renderChoice(query: string, choices: Choice[]): RenderedMessage {
  const text = `${inlineCode(query)} means different things to different providers. Which one do you mean? (Or add \`--provider <id>\`.)`;
  return fitMessage({
    text: `Several providers define ${escapeMrkdwn(query)}.`,
    blocks: [section(text), ...choiceBlocks(choices)],
  });
}

/**
 * Nothing sure: a code no catalog has, with its near misses; or words that name no error for sure ("github login
 * not working"), with the likeliest errors (a named provider's usual ones first), which are guesses, not typos.
 */
export function renderNoMatch(query: string, suggestions: Choice[]): RenderedMessage {
  const code = !/\s/.test(query.trim());
  const lines = [
    code
      ? `No catalog entry matches ${inlineCode(query)} (unknown code).`
      : `No catalog entry matches ${inlineCode(query)} for sure.`,
  ];
  if (suggestions.length > 0)
    lines.push(code ? 'Did you mean one of these?' : 'The likeliest errors, most likely first:');
  else lines.push(`Try a code such as \`AADSTS50011\` or \`invalid_grant\`, or \`/oauth-error help\`.`);
  return fitMessage({
    text: `No catalog entry matches ${escapeMrkdwn(query)}.`,
    blocks: [section(lines.join('\n')), ...(suggestions.length > 0 ? choiceBlocks(suggestions) : [])],
  });
}

export function renderNote(text: string): RenderedMessage {
  return fitMessage({ text, blocks: [section(text)] });
}
