import type { Finding, Match, SupportIds } from '../domain/findings.js';
import type { CatalogProblem } from '../errors.js';
import { formatProblem } from '../errors.js';

/** Plain-text rendering for the terminal. */

function indent(text: string, by = '    '): string {
  return text
    .split('\n')
    .map((line) => by + line)
    .join('\n');
}

function describeMatch(match: Match): string[] {
  const head = `${match.code} (${match.provider}) ${match.title}`;
  const context = match.entry?.context ? `  context: ${match.entry.context.label}` : undefined;
  const lines = [head, `  ${match.confidence} match by ${match.method}, score ${match.score.toFixed(2)}`];
  if (context) lines.push(context);
  if (match.entry) {
    lines.push('  Cause:', indent(match.entry.cause));
    lines.push('  Resolution:', ...match.entry.resolution.map((step, i) => indent(`${i + 1}. ${step}`)));
    for (const warning of match.entry.warnings) lines.push(`  Warning: ${warning}`);
  }
  for (const notice of match.notices) lines.push(`  Notice: ${notice}`);
  for (const link of match.links) lines.push(`  ${link.title}: ${link.url}`);
  if (match.alternatives.length > 0) {
    lines.push(
      `  Also defined by: ${match.alternatives.map((a) => (a.context ? `${a.provider} (${a.context})` : a.provider)).join(', ')}`,
    );
  }
  return lines;
}

export function formatLookup(query: string, matches: Match[]): string {
  if (matches.length === 0) return `No known OAuth error matches "${query}".\n`;
  return `${matches.map((match) => describeMatch(match).join('\n')).join('\n\n')}\n`;
}

export function formatScan(file: string, findings: Finding[], support: SupportIds): string {
  if (findings.length === 0) return `${file}: no OAuth errors found\n`;
  const lines = [`${file}: ${findings.length} error${findings.length === 1 ? '' : 's'}`];
  for (const finding of findings) {
    lines.push(
      `  line ${finding.line}: ${finding.code} (${finding.provider}) ${finding.title} [${finding.confidence}, ${finding.method}]`,
    );
    lines.push(`    ${finding.excerpt}`);
  }
  const ids = Object.entries(support).map(([key, value]) => `${key}=${value}`);
  if (ids.length > 0) lines.push(`  support ids: ${ids.join(' ')}`);
  return `${lines.join('\n')}\n`;
}

export function formatProblems(problems: CatalogProblem[]): string {
  return `${problems.length} problem${problems.length === 1 ? '' : 's'} in the catalogs:\n${problems.map(formatProblem).join('\n')}\n`;
}

/** Problems a lookup or scan goes on despite: files that could not be read are left out of its answers. */
export function formatSkippedProblems(problems: CatalogProblem[]): string {
  return `${formatProblems(problems)}Answering from the rest of the catalogs; a file that cannot be read is left out (run \`oauth-error-bot catalogs validate\`).\n`;
}
