import type { Finding, Match, SupportIds } from '../domain/findings.js';

/** The JSON shapes fixed by the design contract (design.md, "CLI"). */

export function lookupJson(query: string, matches: Match[]) {
  return {
    query,
    matches: matches.map((match) => ({
      ...identity(match),
      cause: match.entry?.cause ?? null,
      resolution: match.entry?.resolution ?? [],
      links: match.links.map(({ title, url }) => ({ title, url })),
    })),
  };
}

export function scanFileJson(file: string, findings: Finding[], support: SupportIds) {
  return {
    file,
    findings: findings.map((finding) => ({
      ...identity(finding),
      line: finding.line,
      excerpt: finding.excerpt,
    })),
    support,
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
