import type { Finding, Match, SupportIds } from '../domain/findings.js';

/** The JSON shapes fixed by the design contract (design.md, "CLI"). */

export function lookupJson(query: string, matches: Match[]) {
  return {
    query,
    matches: matches.map((match) => ({
      provider: match.provider,
      code: match.code,
      title: match.title,
      confidence: match.confidence,
      method: match.method,
      score: round(match.score),
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
      provider: finding.provider,
      code: finding.code,
      title: finding.title,
      confidence: finding.confidence,
      method: finding.method,
      score: round(finding.score),
      line: finding.line,
      excerpt: finding.excerpt,
    })),
    support,
  };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
