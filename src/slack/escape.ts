/**
 * Slack mrkdwn escaping (docs/slack-contract.md §4.3). `&`, `<` and `>` are control characters: `<!channel>`,
 * `<@U1>`, `<!subteam^S1>` and `<url|label>` are only ever produced by us, never copied from user text.
 * Incoming text carries Slack's entities, so it is decoded once on the way in and escaped once on the
 * way out, which keeps `&amp;` from becoming `&amp;amp;`.
 */

const ENTITY = /&(amp|lt|gt);/g;
const DECODED: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/** Slack's three entities back to characters. One pass, so `&amp;lt;` becomes `&lt;`, not `<`. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, name: string) => DECODED[name] as string);
}

/** Plain text → safe mrkdwn: no mention, broadcast or link can survive. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Text a user typed, as Slack delivered it (entities encoded), made safe to echo. */
export function echo(slackText: string): string {
  return escapeMrkdwn(decodeEntities(slackText));
}

/** An inline code span; backticks inside would end it early. */
export function inlineCode(text: string): string {
  return `\`${escapeMrkdwn(text.replaceAll('`', "'"))}\``;
}

/** A mrkdwn link. The label is escaped; characters that end the link are percent-encoded in the URL. */
export function link(url: string, label: string): string {
  const safeUrl = url.replaceAll('<', '%3C').replaceAll('>', '%3E').replaceAll('|', '%7C').replaceAll('&', '&amp;');
  return `<${safeUrl}|${escapeMrkdwn(label.replaceAll('|', '/'))}>`;
}

const CONTROL_OR_ENTITY = /<([^<>]*)>|&(amp|lt|gt);/g;

function controlToPlain(inner: string): string {
  const [target = '', label] = inner.split('|', 2);
  if (target.startsWith('@') || target.startsWith('#'))
    return label ? `${target[0]}${label.replace(/^[@#]/, '')}` : target;
  if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
  // A link: keep the URL (its host and query, e.g. error=invalid_client, help resolve errors) and the label.
  return label && label !== target ? `${label} ${target}` : target;
}

/**
 * A message's `text` as the person saw it, for matching: control sequences (links, mentions) become plain
 * words and entities are decoded. Never post the result unescaped.
 */
export function slackToPlain(slackText: string): string {
  // One pass over both, so nothing decoded here is decoded a second time.
  return slackText.replace(CONTROL_OR_ENTITY, (_, inner: string | undefined, entity: string | undefined) =>
    inner === undefined ? (DECODED[entity as string] as string) : decodeEntities(controlToPlain(inner)),
  );
}
