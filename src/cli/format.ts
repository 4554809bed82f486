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

/** The first sentence of a cause: up to a full stop followed by a capital (so "e.g. the" does not end it). */
export function firstSentence(text: string): string {
  const end = /[.!?](?=\s+[A-Z`"(]|\s*$)/.exec(text);
  return (end ? text.slice(0, end.index + 1) : text).replace(/\s+/g, ' ').trim();
}

function times(count: number): string {
  return count === 1 ? 'once' : `${count} times`;
}

/** One distinct error of a scan: what it is, how often and where, why, the first step to fix it, one link. */
function explainFinding(finding: Finding): string[] {
  const where = `${times(finding.occurrences)}, first on line ${finding.firstLine}`;
  const lines = [
    `  ${finding.code} (${finding.provider}) ${finding.title}: ${where} [${finding.confidence}, ${finding.method}]`,
    `    line ${finding.line}: ${finding.excerpt}`,
  ];
  if (finding.entry) {
    lines.push(`    Cause: ${firstSentence(finding.entry.cause)}`);
    const step = finding.entry.resolution[0];
    if (step) lines.push(`    Fix: ${step.replace(/\s+/g, ' ').trim()}`);
  } else {
    for (const notice of finding.notices) lines.push(`    ${notice}`);
  }
  const link = finding.links[0];
  if (link) lines.push(`    ${link.title}: ${link.url}`);
  return lines;
}

export interface ScanFormat {
  /** Leave out weak (possible) findings. */
  sure?: boolean;
}

export function formatScan(file: string, findings: Finding[], support: SupportIds, options: ScanFormat = {}): string {
  const sure = findings.filter((finding) => finding.confidence !== 'weak');
  const possible = options.sure ? [] : findings.filter((finding) => finding.confidence === 'weak');
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const hidden = findings.length - sure.length - possible.length;
  const head =
    sure.length + possible.length === 0
      ? `${file}: no OAuth errors found${hidden > 0 ? ` (${count(hidden, 'possible error')} hidden by --sure)` : ''}`
      : `${file}: ${count(sure.length, 'error')}${possible.length > 0 ? `, ${possible.length} possible` : ''}`;
  const lines = [head, ...sure.flatMap(explainFinding)];
  if (possible.length > 0) {
    lines.push('  Possible (weak matches: a fuzzy match, or a name other systems use too; --sure hides them):');
    lines.push(...possible.flatMap((finding) => explainFinding(finding).map((line) => `  ${line}`)));
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
