import { readFileSync } from 'node:fs';
import type { Finding, Match } from '../../src/domain/findings.js';
import type { Resolver } from '../../src/domain/resolver.js';

/**
 * The reading evaluation (issue 13): real text people wrote in public issue threads and Q&A, each item with
 * the error(s) it is about. Kept in test/fixtures/eval/ as JSON Lines, never derived from the catalogs.
 * - questions.jsonl: typed questions and described errors; the right error must come first in a lookup.
 * - pastes.jsonl: pasted logs; every error in them must be a sure finding (exact or strong) of a scan.
 * - unrelated.jsonl: logs without an OAuth error; a scan must find nothing sure in them.
 */
export interface EvalItem {
  id: string;
  text: string;
  expect: { provider: string; code: string }[];
  source: string;
  kind: 'question' | 'description' | 'paste' | 'unrelated';
  note?: string;
}

export function readEvalSet(name: 'questions' | 'pastes' | 'unrelated', dir?: URL): EvalItem[] {
  const base = dir ?? new URL('../fixtures/eval/', import.meta.url);
  return readFileSync(new URL(`${name}.jsonl`, base), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalItem);
}

/**
 * Labels were written from the threads, before and apart from the catalogs, so they name some errors
 * differently than the catalogs do: NetSuite's REST errors under `netsuite-rest` (the catalogs file them
 * under NetSuite's OAuth 2.0 and TBA catalogs), Ory's servers by their own names (`ory-hydra`), and errors that have no code by the message they print
 * (go-oidc's "id token issued by a different provider"), Google Cloud's errors under `google` or `google-cloud`, and
 * IdentityModel's IDX codes under Microsoft.Identity.Web, which throws them. Such a label names an entry when the entry's
 * code, an alias, its title or one of its documented messages says the same.
 */
const PROVIDER_FAMILIES: Record<string, string[]> = {
  'netsuite-rest': ['netsuite-oauth2', 'netsuite-tba'],
  // Ory's servers share one catalog (ory.yaml: Hydra with its Fosite codes, Kratos).
  'ory-hydra': ['ory'],
  'ory-kratos': ['ory'],
  hydra: ['ory'],
  kratos: ['ory'],
  fosite: ['ory'],
  // Google's OAuth server and Google Cloud's credentials share accounts.google.com's token endpoint: a label may
  // file a service account's invalid_grant under either, and the catalogs file each error under one of the two.
  google: ['google', 'google-cloud'],
  'google-cloud': ['google-cloud', 'google'],
  // Microsoft.Identity.Web validates tokens with Microsoft.IdentityModel, whose IDX codes identitymodel.yaml holds.
  'microsoft-identity-web': ['microsoft-identity-web', 'identitymodel'],
};
/**
 * The client libraries' own errors are filed together in oauth-clients.yaml (its header lists them: the
 * Spring Security OAuth 2.0 client, oidc-client-js, passport-oauth2, Auth.js...), while a label names the
 * library (`spring-security:invalid_token_response`, `oidc-client-js:No key matching kid...`). That file's
 * entry answers such a label when it says the same error, by code or message as below.
 */
const CLIENT_LIBRARIES = 'oauth-clients';
const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function names(match: Match, label: { provider: string; code: string }): boolean {
  const providers = [...(PROVIDER_FAMILIES[label.provider] ?? [label.provider]), CLIENT_LIBRARIES];
  if (!providers.includes(match.provider)) return false;
  const code = label.code.toLowerCase();
  if (match.code.toLowerCase() === code) return true;
  // A class named without the namespace the catalog files it under: ruby-jwt's `VerificationError` is the
  // catalog's `JWT::VerificationError`, AppAuth's `ID_TOKEN_VALIDATION_ERROR` its `GeneralErrors.ID_TOKEN_VALIDATION_ERROR`.
  if (unqualified(match.code) === code) return true;
  const entry = match.entry;
  if (!entry) return false;
  if (entry.aliases.some((alias) => alias.toLowerCase() === code)) return true;
  // A message used as the label: at least a few words of it found in the entry's own texts, or the whole
  // first clause of one ("state mismatch" of openid-client's "state mismatch, expected {expected}, got: {got}").
  const words = plain(label.code);
  const texts = [entry.title, ...entry.messages];
  if (words.split(' ').length >= 3) return texts.some((text) => plain(text).includes(words) || instanceOf(words, text));
  if (words.includes(' ') && texts.some((text) => plain(text.split(/[,;:{]/)[0] ?? '') === words)) return true;
  // A label that is one ordinary word the provider prints, not a code ("kubernetes:Unauthorized" for kubectl's
  // "error: You must be logged in to the server (Unauthorized)", Strava's `"code": "invalid"`): an entry of that
  // provider whose own texts print the word.
  return ORDINARY_WORD.test(label.code) && texts.some((text) => ` ${plain(text)} `.includes(` ${words} `));
}

/** A word of letters, capitalized or not, without a code's marks (underscores, digits, inner capitals). */
const ORDINARY_WORD = /^[A-Za-z][a-z]+$/;

const sure = (match: Match) => match.confidence !== 'weak';

/**
 * Whether a label that gives a message with its values ("Unable to parse storage string: okta-token-storage") is
 * the entry's message with a placeholder there ("Unable to parse storage string: {name}"), both read as plain words.
 */
function instanceOf(label: string, message: string): boolean {
  if (!message.includes('{')) return false;
  // Compared without spaces: a value may stand for any number of words, none included.
  const pattern = message
    .split(/\{[^}]*\}/)
    .map((piece) => plain(piece).replaceAll(' ', ''))
    .join('[a-z0-9]*');
  return pattern.length >= 12 && new RegExp(`^${pattern}$`).test(label.replaceAll(' ', ''));
}

/** A code's last part after a namespace (`::`, `.` or `\\`), lower-cased; undefined when it has none. */
function unqualified(code: string): string | undefined {
  const parts = code.toLowerCase().split(/::|[.\\]/);
  return parts.length > 1 ? parts.at(-1) : undefined;
}

/**
 * Whether a text names a provider in words anyone can check: its id, a name people type for it, one of its
 * hosts or hint words (as a substring, case aside). A question that does not ("invalid_grant" asked in a
 * Xero repository) can only be answered with the standard meaning, which its label does not accept.
 */
function namesProvider(resolver: Resolver, text: string, provider: string): boolean {
  const ids = PROVIDER_FAMILIES[provider] ?? [provider];
  const lower = text.toLowerCase();
  return ids.some((id) => {
    const meta = resolver.catalog.providers.get(id);
    const clues = [id, ...(meta?.hints.names ?? []), ...(meta?.hints.hosts ?? []), ...(meta?.hints.words ?? [])];
    return clues.some((clue) => lower.includes(clue.toLowerCase()));
  });
}

export interface ReadingFigures {
  questions: {
    total: number;
    top1: number;
    top1Sure: number;
    top3: number;
    /** Questions whose text names the expected provider (its id, a name, host or hint word), and how many came first. */
    named: { total: number; top1: number };
    misses: string[];
  };
  pastes: { labels: number; found: number; items: number; itemsAllFound: number; misses: string[] };
  unrelated: { total: number; clean: number; alarms: string[] };
}

export function measureReading(
  resolver: Resolver,
  sets: { questions: EvalItem[]; pastes: EvalItem[]; unrelated: EvalItem[] },
): ReadingFigures {
  const questions = { total: 0, top1: 0, top1Sure: 0, top3: 0, named: { total: 0, top1: 0 }, misses: [] as string[] };
  for (const item of sets.questions) {
    const label = item.expect[0];
    if (!label) continue;
    questions.total += 1;
    const named = namesProvider(resolver, item.text, label.provider);
    if (named) questions.named.total += 1;
    const matches = resolver.lookup(item.text, { limit: 5 });
    const first = matches[0];
    if (first && names(first, label)) {
      questions.top1 += 1;
      if (named) questions.named.top1 += 1;
      if (sure(first)) questions.top1Sure += 1;
    } else {
      const got = first ? `${first.provider}:${first.code}(${first.confidence})` : 'nothing';
      questions.misses.push(`${named ? '[named] ' : ''}${item.id}: want ${label.provider}:${label.code}, got ${got}`);
    }
    if (matches.slice(0, 3).some((match) => names(match, label))) questions.top3 += 1;
  }
  const pastes = { labels: 0, found: 0, items: 0, itemsAllFound: 0, misses: [] as string[] };
  for (const item of sets.pastes) {
    pastes.items += 1;
    const findings: Finding[] = resolver.scan(item.text).findings.filter(sure);
    let all = true;
    for (const label of item.expect) {
      pastes.labels += 1;
      if (findings.some((finding) => names(finding, label))) pastes.found += 1;
      else {
        all = false;
        const got = findings.map((finding) => `${finding.provider}:${finding.code}`).join(', ') || 'nothing sure';
        pastes.misses.push(`${item.id}: want ${label.provider}:${label.code}, got ${got}`);
      }
    }
    if (all) pastes.itemsAllFound += 1;
  }
  const unrelated = { total: 0, clean: 0, alarms: [] as string[] };
  for (const item of sets.unrelated) {
    unrelated.total += 1;
    const alarms = resolver.scan(item.text).findings.filter(sure);
    if (alarms.length === 0) unrelated.clean += 1;
    else
      unrelated.alarms.push(`${item.id}: ${alarms.map((finding) => `${finding.provider}:${finding.code}`).join(', ')}`);
  }
  return { questions, pastes, unrelated };
}

export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);
