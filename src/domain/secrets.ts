/**
 * Credentials people paste by accident, found so the bot can warn (without repeating them) and mask them
 * wherever it shows part of a text: excerpts, support ids, the CLI. A small rule set of well-known shapes
 * rather than a library: the linters that exist (secretlint, detect-secrets) read files, run asynchronously
 * or in another language, and their entropy checks would flag every GUID and trace id in a sign-in log.
 *
 * Each rule says what the credential is (shown to the user) and which part of its match is the secret
 * (group `secret`, else the whole match): `client_secret=abc` keeps `client_secret=` readable and masks `abc`.
 */
import { eachMatch } from './regex.js';

export interface SecretKind {
  /** Stable id, e.g. `client-secret` (tests, metrics). */
  id: string;
  /** What it is, for the warning: "an OAuth client secret". */
  label: string;
  /** What to do about it, shown once per kind. */
  advice: string;
}

interface Rule extends SecretKind {
  pattern: RegExp;
  /** The value must look generated (a token), not be a word: for fields whose names also appear in prose and config. */
  generated?: boolean;
}

const ROTATE_APP = 'Rotate it in the app registration and delete the message.';

// A value after `name=` or `"name": "`: up to a delimiter of query strings, JSON and headers.
const VALUE = String.raw`["']?\s*[:=]\s*["']?(?<secret>[^\s"'&,;<>)}\]\x60]{6,})`;
const field = (names: string) => new RegExp(String.raw`\b(?:${names})${VALUE}`, 'gi');
/** Generated tokens and secrets mix letters with digits or cases; `id-token: write` in a workflow does not. */
const TOKEN_LIKE = /^(?=.{8,})(?=.*(?:\d|[a-z].*[A-Z]|[A-Z].*[a-z]|[-_.~+/=]))/;

const RULES: Rule[] = [
  {
    id: 'private-key',
    label: 'a private key',
    advice: 'Replace the key pair (and any certificate made from it) and delete the message.',
    pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----(?<secret>[\s\S]*?)(?:-----END (?:[A-Z]+ )?PRIVATE KEY-----|$)/g,
  },
  {
    id: 'slack-token',
    label: 'a Slack token',
    advice: 'Revoke it (regenerate it in the Slack app settings) and delete the message.',
    pattern: /\b(?<secret>xox[abposre]-[0-9A-Za-z-]{10,}|xapp-[0-9A-Za-z-]{10,})/g,
  },
  {
    id: 'slack-webhook',
    label: 'a Slack incoming webhook URL',
    advice: 'Regenerate the webhook in the Slack app settings and delete the message.',
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9/_-]{20,})/g,
  },
  {
    id: 'github-token',
    label: 'a GitHub token',
    advice: 'Revoke it in GitHub settings and delete the message.',
    pattern: /\b(?<secret>(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}))/g,
  },
  {
    id: 'aws-access-key',
    label: 'an AWS access key',
    advice: 'Deactivate the key in IAM and delete the message.',
    pattern: /\b(?<secret>(?:AKIA|ASIA)[A-Z0-9]{16})\b/g,
  },
  {
    id: 'aws-secret-key',
    label: 'an AWS secret access key',
    advice: 'Deactivate the key in IAM and delete the message.',
    generated: true,
    pattern: field('aws_secret_access_key|secretAccessKey|AWS_SECRET_ACCESS_KEY'),
  },
  {
    id: 'google-api-key',
    label: 'a Google API key',
    advice: 'Restrict or regenerate the key in the Google Cloud console and delete the message.',
    pattern: /\b(?<secret>AIza[0-9A-Za-z_-]{35})/g,
  },
  {
    id: 'stripe-key',
    label: 'a Stripe secret key',
    advice: 'Roll the key in the Stripe dashboard and delete the message.',
    pattern: /\b(?<secret>(?:sk|rk)_live_[0-9A-Za-z]{16,})/g,
  },
  {
    id: 'entra-client-secret',
    label: 'a Microsoft Entra client secret',
    advice: `Delete it under Certificates & secrets, add a new one, and delete the message.`,
    // Entra's generated secrets: 3 characters, a digit, `Q~`, then 31 or more.
    pattern: /(?<![A-Za-z0-9~._-])(?<secret>[A-Za-z0-9_.-]{3}\dQ~[A-Za-z0-9_.~-]{31,})/g,
  },
  {
    id: 'client-secret',
    label: 'an OAuth client secret',
    advice: ROTATE_APP,
    generated: true,
    pattern: field('client[_-]?secret|clientSecret|consumer[_-]?secret|token[_-]?secret|oauth_token_secret'),
  },
  {
    id: 'refresh-token',
    label: 'a refresh token',
    advice: 'Revoke it (or the user’s sessions) at the provider and delete the message.',
    generated: true,
    pattern: field('refresh[_-]?token|refreshToken'),
  },
  {
    id: 'access-token',
    label: 'an access token',
    advice: 'It may still be valid: revoke it if the provider allows, and delete the message.',
    generated: true,
    pattern: field('access[_-]?token|accessToken|id[_-]?token|idToken|assertion|client_assertion'),
  },
  {
    id: 'bearer-token',
    label: 'a bearer token',
    advice: 'It may still be valid: revoke it if the provider allows, and delete the message.',
    pattern: /\bBearer\s+(?<secret>[A-Za-z0-9\-._~+/]{20,}=*)/g,
  },
  {
    id: 'basic-auth',
    label: 'HTTP Basic credentials',
    advice: 'Change that password or client secret and delete the message.',
    pattern: /\bBasic\s+(?<secret>[A-Za-z0-9+/]{12,}={0,2})(?![A-Za-z0-9+/=])/g,
  },
  {
    id: 'jwt',
    label: 'a JSON Web Token',
    advice: 'It may still be valid: revoke the session or token if the provider allows, and delete the message.',
    pattern: /\b(?<secret>eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)/g,
  },
  {
    id: 'password',
    label: 'a password',
    advice: 'Change the password and delete the message.',
    pattern: field('password|passwd|pwd'),
  },
  {
    id: 'url-password',
    label: 'a password in a URL',
    advice: 'Change the password and delete the message.',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:(?<secret>[^\s@/]{3,})@/gi,
  },
];

/** Values that are placeholders people already redacted with, not secrets. */
const REDACTION_WORD =
  /redacted|removed|hidden|masked|omitted|sanitized|censored|placeholder|your[_-]?\w*|x{3,}|\*{3,}/i;
const PLACEHOLDER =
  /^(?:[x*•.#_-]+|<[^>]*>|\{[^}]*\}|\$\{?[A-Za-z_][\w]*\}?|%[A-Za-z_]+%|redacted|hidden|removed|null|undefined|none|true|false|your[_-]?\w*|\*+\w{0,4})$/i;

export interface SecretFound {
  kind: SecretKind;
  /** Where the secret itself is in the text. */
  start: number;
  end: number;
}

function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || /^(.)\1+$/.test(value) || (value.length <= 40 && REDACTION_WORD.test(value));
}

/** Every credential in `text`, in order, overlapping ones merged (a JWT inside `Bearer …` counts once). */
export function findSecrets(text: string): SecretFound[] {
  const found: SecretFound[] = [];
  for (const rule of RULES) {
    eachMatch(rule.pattern, text, (match) => {
      const secret = match.groups?.secret ?? match[0];
      if (rule.id !== 'private-key' && isPlaceholder(secret)) return;
      if (rule.generated && !TOKEN_LIKE.test(secret)) return;
      const start = match.index + match[0].lastIndexOf(secret);
      const { id, label, advice } = rule;
      found.push({ kind: { id, label, advice }, start, end: start + secret.length });
    });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretFound[] = [];
  for (const item of found) {
    const last = merged[merged.length - 1];
    if (last && item.start < last.end) {
      last.end = Math.max(last.end, item.end);
      continue;
    }
    merged.push({ ...item });
  }
  return merged;
}

/** The kinds of credential in `text`, each once, in the order first met. */
export function secretKinds(text: string): SecretKind[] {
  const kinds = new Map<string, SecretKind>();
  for (const { kind } of findSecrets(text)) if (!kinds.has(kind.id)) kinds.set(kind.id, kind);
  return [...kinds.values()];
}

/** `text` with every credential replaced by `[redacted <kind>]`; the rest is left as it was. */
export function maskSecrets(text: string): string {
  const found = findSecrets(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { kind, start, end } of found) {
    out += `${text.slice(at, start)}[redacted ${kind.id}]`;
    at = end;
  }
  return out + text.slice(at);
}

/** Whether a short value (a support id, a query) is or holds a credential. */
export function holdsSecret(text: string): boolean {
  return findSecrets(text).length > 0;
}
