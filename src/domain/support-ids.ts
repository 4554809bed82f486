import type { SupportIds } from './findings.js';

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

// Entra shows these on its sign-in error page and in error_description, where a line break before them may
// arrive as the two characters `\n`. The page says "Request Id" for what token error JSON calls "trace_id";
// Microsoft Graph's errors carry a "request-id". Each is kept under the name the text gives it, so the
// user finds it again where they copied it from.
const PATTERNS: [keyof SupportIds, RegExp][] = [
  ['traceId', new RegExp(`trace[ _-]?id["']?\\s*[:=]\\s*["']?(${GUID})`, 'i')],
  ['requestId', new RegExp(`(?<!client[ _-]?)request[ _-]?id["']?\\s*[:=]\\s*["']?(${GUID})`, 'i')],
  ['correlationId', new RegExp(`(?:correlation[ _-]?id)["']?\\s*[:=]\\s*["']?(${GUID})`, 'i')],
  ['timestamp', /(?:\b|(?<=\\[rn]))timestamp["']?\s*[:=]\s*["']?(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)/i],
  // Okta puts an errorId in every API error body.
  ['oktaErrorId', /\berrorId["']?\s*[:=]\s*["']?([A-Za-z0-9_-]{6,64})/],
];

/** Pulls out the identifiers a support ticket asks for, when the text has them. */
export function extractSupportIds(text: string): SupportIds {
  const ids: SupportIds = {};
  for (const [field, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (match?.[1]) ids[field] = match[1];
  }
  return ids;
}
