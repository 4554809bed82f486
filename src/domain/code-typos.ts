/**
 * Codes one keystroke away from a code-shaped query that matches nothing at all (`AADSTS5011`,
 * `E000011`): a digit left out, doubled, swapped or mistyped. Only for queries no provider's code shape
 * accepts, so a well-formed unknown code (AADSTS50057) is never answered with its neighbours, which are
 * unrelated errors; these are offered as suggestions, not as answers.
 */

const CODE_SHAPED = /^[a-z]*\d[a-z\d_]*$/i;

/** Whether `a` and `b` differ by one insertion, deletion, substitution or swap of neighbours. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  if (restA.length <= 1 && restB.length <= 1) return true;
  // Two neighbours swapped: "ab" against "ba".
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}

/** Letters typed for the digits they look like: O for 0, l and I for 1. */
function lookAlike(code: string): string {
  return code.replace(/o/g, '0').replace(/[il]/g, '1');
}

/**
 * Lower-cased catalog codes `query` spells with look-alike letters for digits (`AADSTS5001l`, `EOOOOO11`,
 * read off a screenshot or a PDF): the code itself, ahead of any code one keystroke away.
 */
export function lookAlikeCodes(codes: Iterable<string>, query: string): string[] {
  const token = query.trim().toLowerCase();
  if (!/\d/.test(token) || !/[oil]/.test(token) || !/^[a-z\d_]+$/.test(token)) return [];
  const wanted = lookAlike(token);
  const found: string[] = [];
  for (const code of codes) {
    if (code.length === token.length && code !== token && /\d/.test(code) && lookAlike(code) === wanted)
      found.push(code);
  }
  return found;
}

/** Lower-cased catalog codes one edit from `query`, with the same letters before the first digit. */
export function nearbyCodes(codes: Iterable<string>, query: string, max = 5): string[] {
  const token = query.trim().toLowerCase();
  if (!CODE_SHAPED.test(token)) return [];
  const prefix = token.replace(/\d.*$/, '');
  const near: string[] = [];
  for (const code of codes) {
    if (!code.startsWith(prefix) || !/\d/.test(code.charAt(prefix.length))) continue;
    if (oneEditApart(token, code)) near.push(code);
    if (near.length >= max) break;
  }
  return near;
}
