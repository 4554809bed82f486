import { describe, expect, it } from 'vitest';
import { decodeEntities, echo, escapeMrkdwn, inlineCode, link, slackToPlain } from '../../src/slack/escape.js';

describe('escape', () => {
  it('escapes &, < and > exactly once, and nothing else', () => {
    expect(escapeMrkdwn('a & b <c> "d" \'e\'')).toBe('a &amp; b &lt;c&gt; "d" \'e\'');
  });

  it('decodes Slack entities in one pass (a literal "&lt;" typed by the user stays "&lt;")', () => {
    expect(decodeEntities('&lt;x&gt; &amp; &amp;lt;')).toBe('<x> & &lt;');
  });

  it('echo never lets a mention, broadcast or link through, and never double-escapes', () => {
    const typed =
      '<!channel> <!here> <!everyone> <!subteam^S1|@team> <@U1> <#C1|general> <https://evil.example|docs> &amp; &lt;b&gt;';
    const safe = echo(typed);
    expect(safe).not.toMatch(/<[!@#h]/);
    expect(safe).not.toContain('&amp;amp;');
    expect(safe).toContain('&amp; &lt;b&gt;');
  });

  it('inline code and links cannot be broken out of', () => {
    expect(inlineCode('a`b<!here>')).toBe("`a'b&lt;!here&gt;`");
    expect(link('https://x.example/?a=1&b=<2>|3', 'Docs | <b>')).toBe(
      '<https://x.example/?a=1&amp;b=%3C2%3E%7C3|Docs / &lt;b&gt;>',
    );
  });

  it('slackToPlain turns control sequences into words and keeps URLs for matching', () => {
    expect(slackToPlain('<@U1> see <https://login.example/cb?error=invalid_grant|the callback> &amp; <!here>')).toBe(
      '@U1 see the callback https://login.example/cb?error=invalid_grant & @here',
    );
    expect(slackToPlain('<mailto:a@b.example> &lt;redirect_uri&gt; &amp;lt;')).toBe(
      'mailto:a@b.example <redirect_uri> &lt;',
    );
  });
});
