import { type Hit, sameTextOnLine, type TemplateHit, templateHitsByLine } from './hits.js';
import { longMessage } from './message-readings.js';
import type { ProviderContext } from './provider-context.js';
import { isStandard, readsStandardCode } from './readings.js';
import type { ResolverIndex } from './resolver-index.js';

/** Clues a text gives about its providers through the errors found in it, beside hosts and words (provider-context.ts). */

/** A code in a provider's own shape (AADSTS50011, E0000011) is context for that provider's generic codes. */
export function selfHints(index: ResolverIndex, hits: Hit[], hinted: ProviderContext): void {
  for (const hit of hits) {
    if (hit.kind === 'unknown') hinted.add(hit.provider.id, hit.line);
    if (hit.kind === 'code') for (const provider of hit.shapes) hinted.add(provider, hit.line);
  }
  serversByMessage(index, hits, hinted);
}

/**
 * A long message that only one provider documents, for its reading of one standard code, beside another
 * standard code: Keycloak's "Invalid client or Invalid client credentials" as the error_description of an
 * unauthorized_client (older Keycloak releases answered so). The message says which server answered, as its
 * host would; alone it stays a guess (other servers word their errors alike: described-readings.test.ts).
 */
function serversByMessage(index: ResolverIndex, hits: Hit[], hinted: ProviderContext): void {
  const standardCodes = new Map<number, Set<string>>();
  for (const hit of hits) {
    if (hit.kind !== 'code' || !isStandard(hit.entries)) continue;
    const codes = standardCodes.get(hit.line) ?? new Set();
    codes.add(hit.token.toLowerCase());
    standardCodes.set(hit.line, codes);
  }
  if (standardCodes.size === 0) return;
  let lines: Map<number, TemplateHit[]> | undefined;
  const byLine = () => {
    lines ??= templateHitsByLine(hits);
    return lines;
  };
  const besideOtherCode = (line: number, code: string) => {
    for (let at = line - MESSAGE_BESIDE_CODE; at <= line + MESSAGE_BESIDE_CODE; at += 1) {
      for (const other of standardCodes.get(at) ?? []) if (other !== code) return true;
    }
    return false;
  };
  for (const hit of hits) {
    if (hit.kind !== 'template' || hit.template.method !== 'template' || !longMessage(hit.template)) continue;
    const { entry } = hit.template;
    if (!readsStandardCode(index, entry)) continue;
    if (
      hit.template.copied &&
      sameTextOnLine(hit, byLine()).some((other) => other.template.entry.provider !== entry.provider)
    )
      continue;
    if (besideOtherCode(hit.line, entry.code.toLowerCase())) hinted.add(entry.provider, hit.line);
  }
}

/** Lines between a response's error and its error_description (pretty-printed JSON puts them on two lines). */
const MESSAGE_BESIDE_CODE = 1;
