import type { LoadedEntry } from '../src/domain/findings.js';
import { seeded } from './stats.js';

const NOISE = [
  'INFO  request completed GET /api/v1/orders/{n} 200 in {n}ms',
  'DEBUG cache hit key=user:{n}:profile ttl={n}',
  'WARN  slow query took {n}ms: SELECT * FROM orders WHERE id = $1',
  'ERROR connect ECONNREFUSED 127.0.0.1:{n}',
  '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:{n}:16)',
  'ERROR HTTP/1.1 500 Internal Server Error POST /webhooks/stripe',
  'INFO  job {n} finished: 42 rows synced to warehouse',
  'ERROR duplicate key value violates unique constraint "orders_pkey"',
];

/**
 * A log of about `bytes` bytes shaped like a service log: mostly noise, with OAuth errors from the
 * catalogs as JSON bodies, redirect URLs and Entra messages sprinkled in (about 1 line in 40).
 */
export function generateLog(entries: LoadedEntry[], bytes: number, seed = 7): string {
  const random = seeded(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const number = () => String(Math.floor(random() * 90000) + 1000);
  const lines: string[] = [];
  let size = 0;
  let second = 0;
  while (size < bytes) {
    second += 1;
    const time = new Date(Date.UTC(2026, 10, 24, 0, 0, second)).toISOString();
    let body: string;
    if (random() < 0.025) {
      const entry = pick(entries);
      const shapes = [
        () => `ERROR token request failed: {"error":"${entry.code}","error_description":"${entry.title}"}`,
        () => `WARN  GET https://app.example.com/callback?error=${entry.code}&state=${number()}`,
        () => `ERROR ${entry.code}: ${entry.messages[0] ?? entry.title}`,
      ];
      body = pick(shapes)();
    } else {
      body = pick(NOISE).replaceAll('{n}', number);
    }
    const line = `${time} ${body}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

const DENSE_LINES = [
  'POST https://login.microsoftonline.com/common/oauth2/v2.0/token -> 400 {"error":"invalid_grant"} req {n}',
  'POST https://dev-{n}.okta.com/oauth2/default/v1/token -> 401 {"error":"invalid_client"}',
  'GET https://sso.example.com/realms/acme/protocol/openid-connect/auth?error=access_denied&state={n}',
  'POST https://login.salesforce.com/services/oauth2/token -> 400 {"error":"invalid_grant"} req {n}',
];

/**
 * The worst case for reading generic codes by their nearest hints: every line holds a provider's host and
 * a code several providers share, so every occurrence is attributed on its own (up to the per-code cap).
 */
export function generateDenseLog(bytes: number, seed = 11): string {
  const random = seeded(seed);
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const template = DENSE_LINES[Math.floor(random() * DENSE_LINES.length)] as string;
    const line = template.replaceAll('{n}', () => String(Math.floor(random() * 90000) + 1000));
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}
