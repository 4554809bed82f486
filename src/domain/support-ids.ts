import type { SupportIds } from './findings.js';
import { holdsSecret } from './secrets.js';

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

// Entra shows these on its sign-in error page and in error_description, where a line break before them may
// arrive as the two characters `\n`. The page says "Request Id" for what token error JSON calls "trace_id";
// Microsoft Graph's errors carry a "request-id". Each is kept under the name the text gives it, so the
// user finds it again where they copied it from.
const PATTERNS: [keyof SupportIds, RegExp][] = [
  ['traceId', new RegExp(`trace[ _-]?id["']?\\s*[:=]\\s*["']?(${GUID})`, 'i')],
  ['requestId', new RegExp(`(?<!client[ _-]?)request[ _-]?id["']?\\s*[:=]\\s*["']?(${GUID})`, 'i')],
  ['correlationId', new RegExp(`(?:correlation[ _-]?id)["']?\\s*[:=]\\s*["']?(${GUID})`, 'i')],
  // The word at a word's start or after an escaped line break; the check comes after the word, not before
  // it: an expression that starts with alternative assertions is tried at every position of a long paste
  // (6 ms a megabyte), one that starts with the word jumps from one `timestamp` to the next.
  [
    'timestamp',
    /timestamp(?<=(?:\b|(?<=\\[rn]))timestamp)["']?\s*[:=]\s*["']?(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)/i,
  ],
  // Okta puts an errorId in every API error body: letters and digits only (`oae…`, `sample…`), so what
  // follows errorId in someone's paste is never copied unless it has that shape.
  ['oktaErrorId', /\berrorId["']?\s*[:=]\s*["']?([A-Za-z0-9]{10,40})(?![A-Za-z0-9_.~+/=-])/],
];

/** Pulls out the identifiers a support ticket asks for, when the text has them. */
export function extractSupportIds(text: string): SupportIds {
  const ids: SupportIds = {};
  for (const [field, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    // A support id is repeated in the reply: never one that is, or holds, a credential.
    if (match?.[1] && !holdsSecret(match[1])) ids[field] = match[1];
  }
  return ids;
}
