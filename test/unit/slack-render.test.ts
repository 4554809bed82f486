import { describe, expect, it } from 'vitest';
import type { Finding, LoadedEntry, Match } from '../../src/domain/findings.js';
import { clip, fitMessage, LIMITS } from '../../src/slack/limits.js';
import { renderFindings, renderMatch } from '../../src/slack/render.js';
import { choicesOf, renderChoice, renderNoMatch, renderUsage } from '../../src/slack/render-command.js';
import { messageProblem } from '../helpers/fake-slack.js';

const options = { providerName: (id: string) => (id === 'okta' ? 'Okta' : id) };

function entry(code: string, size = 1): LoadedEntry {
  return {
    code,
    title: `Title of ${code}`,
    aliases: [],
    messages: [],
    symptoms: [],
    flows: [],
    cause: `Cause <!channel> & more. ${'x'.repeat(size)}`,
    resolution: Array.from({ length: 12 }, (_, i) => `Step ${i} ${'y'.repeat(size)}`),
    links: [{ title: 'Docs', url: 'https://developer.okta.com/docs' }],
    warnings: [],
    related: [],
    requires_context: false,
    wraps: false,
    actors: ['developer'],
    provider: 'okta',
    key: `okta:${code}`,
  };
}

function finding(code: string, size = 1): Finding {
  const e = entry(code, size);
  return {
    provider: 'okta',
    code,
    title: e.title,
    confidence: 'exact',
    method: 'code',
    score: 1,
    entry: e,
    links: e.links,
    notices: ['Notice'],
    alternatives: [],
    line: 1,
    excerpt: '',
    occurrences: 1,
    firstLine: 1,
  };
}

describe('render', () => {
  it('a match has headline, cause, resolution and links, all escaped', () => {
    const message = renderMatch(finding('E0000011') as Match, options);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('*Cause*');
    expect(text).toContain('<https://developer.okta.com/docs|Docs>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(message.text).not.toContain('<!channel>');
    expect(messageProblem(message as never)).toBeUndefined();
  });

  it('huge entries stay within 3000 chars per section and 40,000 per message', () => {
    const message = renderMatch(finding('E0000011', 5000) as Match, options);
    expect(messageProblem(message as never)).toBeUndefined();
    expect(JSON.stringify(message).length).toBeLessThan(40_000);
  });

  it('long lists collapse to the top few plus one line for the rest', () => {
    const findings = Array.from({ length: 300 }, (_, i) => finding(`E${String(i).padStart(7, '0')}`, 2000));
    const message = renderFindings(findings, { support: { traceId: '<!here>' } }, options);
    expect(messageProblem(message as never)).toBeUndefined();
    expect(message.blocks.filter((block) => block.type === 'section')).toHaveLength(5);
    const footer = JSON.stringify(message.blocks.at(-1));
    expect(footer).toContain('+295 more');
    expect(footer).toContain('&lt;!here&gt;');
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('the line for the rest names each code once, with the providers whose meaning of it was found', () => {
    const as = (provider: string, code: string) => ({ ...finding(code), provider });
    const findings = [
      ...Array.from({ length: 5 }, (_, i) => finding(`E000000${i}`)),
      as('entra', 'invalid_grant'),
      as('salesforce', 'invalid_grant'),
      as('salesforce', 'invalid_grant'),
      as('okta', 'invalid_client'),
    ];
    const message = renderFindings(findings, { support: {} }, options);
    const footer = JSON.stringify(message.blocks.at(-1));
    expect(footer).toContain('+4 more: `invalid_grant` (entra, salesforce ×2), `invalid_client` (Okta).');
    expect(message.text).toContain('invalid_grant (entra, salesforce ×2), invalid_client (Okta)');
  });

  it('fitMessage keeps any message under 50 blocks and clips without breaking links or entities', () => {
    const blocks = Array.from({ length: 80 }, () => ({
      type: 'section' as const,
      text: { type: 'mrkdwn' as const, text: 'a'.repeat(5000) },
    }));
    const fitted = fitMessage({ text: 'z'.repeat(50_000), blocks });
    expect(fitted.blocks).toHaveLength(50);
    expect(messageProblem(fitted as never)).toBeUndefined();
    expect(clip(`${'a'.repeat(10)}<https://x.example|docs>`, 15)).toBe(`${'a'.repeat(10)}…`);
    expect(clip(`${'a'.repeat(10)}&amp;bbbb`, 14)).toBe(`${'a'.repeat(10)}…`);
  });

  it('choices become buttons carrying the entry key, with labels within 75 chars', () => {
    const choices = choicesOf([entry('invalid_grant')], options, { sameCode: true });
    expect(choices).toEqual([{ key: 'okta:invalid_grant', label: 'Okta' }]);
    const near = choicesOf([{ ...entry('invalid_grant'), title: `A long title ${'word '.repeat(30)}` }], options, {
      sameCode: false,
    });
    expect(near[0]?.label.length).toBeLessThanOrEqual(75);
    expect(near[0]?.label).toMatch(/^invalid_grant · A long title word.*word…$/);
    const message = renderChoice('invalid_grant <!here>', choices);
    const actions = message.blocks.find((block) => block.type === 'actions') as { elements: Array<{ value: string }> };
    expect(actions.elements[0]?.value).toBe('okta:invalid_grant');
    expect(JSON.stringify(message)).not.toContain('<!here>');
    expect(renderUsage().text).toContain('autoreply on|off');
  });

  it('nothing sure: a code gets near misses, words get the likeliest errors, not a code they misspell', () => {
    const choices = [{ key: 'github:redirect_uri_mismatch', label: 'GitHub · redirect_uri_mismatch' }];
    const code = JSON.stringify(renderNoMatch('AADSTS5001l', choices));
    expect(code).toContain('(unknown code)');
    expect(code).toContain('Did you mean');
    const words = JSON.stringify(renderNoMatch('github login not working', choices));
    expect(words).not.toContain('unknown code');
    expect(words).not.toContain('Did you mean');
    expect(words).toContain('The likeliest errors');
  });

  it('more than five choices become one menu with every choice', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ key: `p${i}:invalid_grant`, label: `Provider ${i}` }));
    const message = renderChoice('invalid_grant', many);
    const actions = message.blocks.find((block) => block.type === 'actions') as {
      elements: Array<{ type: string; options: unknown[] }>;
    };
    expect(actions.elements).toHaveLength(1);
    expect(actions.elements[0]?.type).toBe('static_select');
    expect(actions.elements[0]?.options).toHaveLength(12);
    expect(messageProblem(message as never)).toBeUndefined();
  });
});
