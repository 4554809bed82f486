/**
 * Narrows a fuzzy search to the few entries that share the most character trigrams with the query, so
 * fuse.js scores tens of candidates instead of the whole catalog. Trigrams tolerate typos: a word with
 * one letter wrong still shares most of its trigrams. Rare trigrams weigh more (inverse document
 * frequency), so "redirect" counts for more than "does not".
 */
export interface TrigramBlocker {
  /** Best candidates first, with their share (0..1) of the query's trigram weight: `max` of them, and any that tie with the last. */
  candidates(query: string, max: number): { id: number; similarity: number }[];
}

function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text.toLowerCase().match(/[a-z0-9_]+/g) ?? []) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** `documents[i]` is the searchable text of item i. */
export function createTrigramBlocker(documents: string[]): TrigramBlocker {
  const postings = new Map<string, number[]>();
  documents.forEach((document, id) => {
    for (const gram of trigrams(document)) {
      const list = postings.get(gram);
      if (list) list.push(id);
      else postings.set(gram, [id]);
    }
  });
  const idf = (gram: string) => Math.log(1 + documents.length / (postings.get(gram)?.length ?? documents.length));
  const scores = new Float64Array(documents.length);
  return {
    candidates(query, max) {
      const touched: number[] = [];
      let total = 0;
      for (const gram of trigrams(query)) {
        const weight = idf(gram);
        total += weight;
        for (const id of postings.get(gram) ?? []) {
          if (scores[id] === 0) touched.push(id);
          scores[id] = (scores[id] ?? 0) + weight;
        }
      }
      const similarities = new Float64Array(touched.length);
      touched.forEach((id, at) => {
        similarities[at] = total > 0 ? (scores[id] ?? 0) / total : 0;
        scores[id] = 0;
      });
      // The cut never splits candidates that score the same: one code in many catalogs (invalid_grant in
      // thirty) is as near to its typo in each, and which of them the caller wants is the caller's to choose
      // (the standard meaning, or the provider the query names), not the catalogs' file order. The cut is
      // found on the bare numbers (a long query touches thousands of documents), and only what passes it sorted.
      const cut = touched.length > max ? (similarities.slice().sort()[touched.length - max] as number) : 0;
      const ranked: { id: number; similarity: number }[] = [];
      touched.forEach((id, at) => {
        const similarity = similarities[at] as number;
        if (similarity >= cut) ranked.push({ id, similarity });
      });
      return ranked.sort((a, b) => b.similarity - a.similarity || a.id - b.id);
    },
  };
}
