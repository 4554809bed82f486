import type { Finding } from './findings.js';
import { escapeRegExp } from './regex.js';

/**
 * How often each finding's code stands in the text, so a reply can say "×12" for a log that repeats one
 * error. Counted after resolving, on the few distinct findings only: the scan itself reads each token
 * once for speed. Findings made from a message (not a code) count their line once.
 */
export function repeatCounts(text: string, findings: Finding[]): Map<Finding, number> {
  const counts = new Map<Finding, number>();
  for (const finding of findings) {
    if (finding.method !== 'code' && finding.method !== 'alias') {
      counts.set(finding, 1);
      continue;
    }
    const pattern = new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(finding.code)}(?![A-Za-z0-9_])`, 'gi');
    let lines = 0;
    let lineEnd = -1;
    for (const match of text.matchAll(pattern)) {
      // Once per line: `{"error":"invalid_grant"}` echoed as code and description is one occurrence.
      if (match.index <= lineEnd) continue;
      lines += 1;
      const end = text.indexOf('\n', match.index);
      lineEnd = end === -1 ? text.length : end;
    }
    counts.set(finding, Math.max(1, lines));
  }
  return counts;
}
