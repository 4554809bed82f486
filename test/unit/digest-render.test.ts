import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestInputRow, type DigestNames } from '../../src/domain/digest.js';
import { digestToText, renderDigest, shortProviderName } from '../../src/slack/render-digest.js';
import { digestRow } from '../helpers/digest-row.js';

const from = new Date('2026-11-23T09:00:00Z');
const to = new Date('2026-11-24T09:00:00Z');

const names: DigestNames = {
  entryTitle: (key) =>
    ({
      'salesforce:invalid_grant@refresh-token': 'Expired access/refresh token (Salesforce)',
      'salesforce:invalid_grant@ip-restricted': 'IP restricted or invalid login hours (Salesforce)',
    })[key] ?? `Title of ${key}`,
  entriesOf: (provider, code) =>
    provider === 'salesforce'
      ? [`salesforce:${code}@refresh-token`, `salesforce:${code}@ip-restricted`]
      : code.startsWith('AADSTS9')
        ? []
        : [`${provider}:${code}`],
  providerName: (provider) =>
    ({ salesforce: 'Salesforce (connected apps and external client apps)', entra: 'Microsoft Entra ID' })[provider] ??
    `Provider ${provider} (${'with a long scope '.repeat(8)})`,
};

const row = digestRow;

const model = (rows: DigestInputRow[], timeZone = 'UTC') => buildDigest('C1', { from, to, timeZone }, rows, names);

interface Block {
  type: string;
  text?: { text: string };
  elements?: { text: string }[];
}
const textOf = (blocks: unknown[]) =>
  (blocks as Block[]).map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(' ') ?? '').join('\n');

describe('digest rendering', () => {
  it("shows the window in the channel's zone, UTC otherwise", () => {
    const rows = [row({})];
    expect(textOf(renderDigest(model(rows, 'Europe/Berlin')).blocks)).toContain(
      '2026-11-23 10:00 to 2026-11-24 10:00 Europe/Berlin',
    );
    expect(textOf(renderDigest(model(rows, 'America/New_York')).blocks)).toContain(
      '2026-11-23 04:00 to 2026-11-24 04:00 America/New_York',
    );
    expect(textOf(renderDigest(model(rows)).blocks)).toContain('2026-11-23 09:00 to 2026-11-24 09:00 UTC');
    expect(renderDigest(model([], 'Asia/Tokyo')).text).toBe(
      'No OAuth errors were seen in this channel in the past 24 hours (2026-11-23 18:00 to 2026-11-24 18:00 Asia/Tokyo).',
    );
    expect(digestToText(model(rows, 'Europe/Berlin'))).toContain('2026-11-23 10:00 to 2026-11-24 10:00 Europe/Berlin');
  });

  it('titles each line by its entry and names providers, not ids', () => {
    const rendered = renderDigest(
      model([row({ count: 3 }), row({ entryKey: 'salesforce:invalid_grant@ip-restricted', count: 2 })]),
    );
    const text = textOf(rendered.blocks);
    expect(text).toContain('• `invalid_grant` (Salesforce) Expired access/refresh token: *3*, none the day before');
    expect(text).toContain('• `invalid_grant` (Salesforce) IP restricted or invalid login hours: *2*');
    expect(text).toContain('• Salesforce (connected apps and external client apps): 5 (2 distinct)');
    expect(text).not.toMatch(/\(salesforce\)/);
  });

  it('lists codes the catalogs lack on one line, with their counts', () => {
    const rendered = renderDigest(
      model([
        row({}),
        row({ provider: 'entra', code: 'AADSTS99999', entryKey: null, count: 3 }),
        row({ provider: 'entra', code: 'AADSTS99998', entryKey: null }),
      ]),
    );
    const text = textOf(rendered.blocks);
    expect(text).toContain(
      '*Not in our catalogs yet:* `AADSTS99999` (Microsoft Entra ID) ×3, `AADSTS99998` (Microsoft Entra ID) ×1',
    );
    expect(text).not.toMatch(/• `AADSTS9999/);
    expect(rendered.text).toBe('OAuth failures, past 24 hours: 5 failures, 3 distinct errors, 0 new.');
    expect(digestToText(model([row({ provider: 'entra', code: 'AADSTS99999', entryKey: null, count: 3 })]))).toContain(
      'Not in our catalogs yet: AADSTS99999 (Microsoft Entra ID) ×3',
    );
  });

  it('a day of only unknown codes has no empty list', () => {
    const rendered = renderDigest(model([row({ provider: 'entra', code: 'AADSTS99999', entryKey: null })]));
    expect(textOf(rendered.blocks)).not.toContain('*Top errors*');
    expect(rendered.text).toBe('OAuth failures, past 24 hours: 1 failure, 1 distinct error, 0 new.');
  });

  it("stays within Slack's limits however much there is", () => {
    const rows = Array.from({ length: 300 }, (_, i) => [
      row({ provider: `p${i % 60}`, code: `E${'X'.repeat(60)}${i}`, entryKey: `p${i % 60}:E${i}`, isNew: true }),
      row({ provider: `p${i % 60}`, code: `AADSTS9${String(i).padStart(60, '0')}`, entryKey: null }),
    ]).flat();
    const rendered = renderDigest(model(rows, 'Pacific/Chatham'));
    const blocks = rendered.blocks as Block[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) {
      const limit = block.type === 'header' ? 150 : 3000;
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(limit);
      for (const element of block.elements ?? []) expect(element.text.length).toBeLessThanOrEqual(3000);
    }
    expect(rendered.text.length).toBeLessThanOrEqual(40_000);
    const text = textOf(blocks);
    expect(text).toMatch(/\*Not in our catalogs yet:\* [^\n]*_…and \d+ more not shown\._/);
    expect(text).toMatch(/\*By provider\*[\s\S]*_…and \d+ more not shown\._/);
  });

  it('a provider name loses only a trailing parenthesised scope', () => {
    expect(shortProviderName('Salesforce (connected apps and external client apps)')).toBe('Salesforce');
    expect(shortProviderName('go-oidc (Go) and the Kubernetes OIDC authenticator')).toBe(
      'go-oidc (Go) and the Kubernetes OIDC authenticator',
    );
    expect(shortProviderName('Okta')).toBe('Okta');
  });
});
