import type { Finding, Match, SupportIds } from '../domain/findings.js';

/**
 * The JSON the CLI prints. Its contract (README, "CLI"): the fields below may be added to, never renamed
 * or removed, since scripts read them.
 */

export function lookupJson(query: string, matches: Match[]) {
  return { query, matches: matches.map((match) => ({ ...identity(match), ...explanation(match) })) };
}

export function scanFileJson(file: string, findings: Finding[], support: SupportIds) {
  return {
    file,
    findings: findings.map((finding) => ({
      ...identity(finding),
      line: finding.line,
      excerpt: finding.excerpt,
      // Added after the contract's fields: how often and where first, and the entry as a lookup gives it.
      occurrences: finding.occurrences,
      firstLine: finding.firstLine,
      ...explanation(finding),
    })),
    support,
  };
}

/** The catalog entry's explanation: null and empty for a code in a provider's shape the catalog lacks. */
function explanation(match: Match) {
  return {
    cause: match.entry?.cause ?? null,
    resolution: match.entry?.resolution ?? [],
    links: match.links.map(({ title, url }) => ({ title, url })),
  };
}

/** What names a match and how sure it is; the first fields of every lookup and scan result. */
function identity(match: Match) {
  return {
    provider: match.provider,
    code: match.code,
    title: match.title,
    confidence: match.confidence,
    method: match.method,
    score: round(match.score),
  };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
