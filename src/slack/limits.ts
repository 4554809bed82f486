import type { types } from '@slack/bolt';

/** Block Kit and chat.postMessage limits (docs/slack-contract.md §4.1). */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  /** Slack truncates `text` above 40,000 characters; notifications only need a short fallback. */
  fallbackText: 3000,
} as const;

export type Block = types.KnownBlock;

export interface RenderedMessage {
  /** Plain fallback for notifications and screen readers. */
  text: string;
  blocks: Block[];
}

/**
 * Cuts mrkdwn to `max` characters without leaving half a link (`<url|lab`) or half an entity (`&am`),
 * which Slack would reject or show broken.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}

function fitBlock(block: Block): Block {
  if (block.type === 'section' && block.text) {
    return { ...block, text: { ...block.text, text: clip(block.text.text, LIMITS.sectionText) } };
  }
  if (block.type === 'header') {
    return { ...block, text: { ...block.text, text: clip(block.text.text, LIMITS.headerText) } };
  }
  if (block.type === 'context') {
    const elements = block.elements
      .slice(0, LIMITS.contextElements)
      .map((element) =>
        'text' in element && typeof element.text === 'string'
          ? { ...element, text: clip(element.text, LIMITS.sectionText) }
          : element,
      );
    return { ...block, elements };
  }
  if (block.type === 'actions') return { ...block, elements: block.elements.slice(0, LIMITS.actionsElements) };
  return block;
}

/**
 * Makes any message postable: at most 50 blocks (the last kept slot says how many were left out), every
 * text within its limit, a non-empty fallback. Renderers aim below these; this is the guarantee.
 */
export function fitMessage(message: RenderedMessage): RenderedMessage {
  let blocks = message.blocks.map(fitBlock);
  if (blocks.length > LIMITS.blocks) {
    const dropped = blocks.length - (LIMITS.blocks - 1);
    blocks = [
      ...blocks.slice(0, LIMITS.blocks - 1),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `_${dropped} more blocks left out._` }] },
    ];
  }
  const text = clip(message.text.trim() || 'OAuth error explanation', LIMITS.fallbackText);
  return { text, blocks };
}
