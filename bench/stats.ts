/** Small helpers shared by the benchmarks. */

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

/** The middle value (the lower middle for an even count). */
export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * Milliseconds each call of `fn` takes, over `rounds` rounds of `inputs`, after an unrecorded warm-up
 * on the first `warmup` inputs, so both sides are measured with their code compiled, as in a
 * long-running bot.
 */
export function timeEach<T>(inputs: T[], rounds: number, fn: (input: T) => unknown, warmup = inputs.length): number[] {
  for (const input of inputs.slice(0, warmup)) fn(input);
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const input of inputs) {
      const start = process.hrtime.bigint();
      fn(input);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times.sort((a, b) => a - b);
}

/**
 * Each input's fastest of `rounds` timings, sorted: what the code costs without the machine's pauses (a
 * scheduler slice, another process, a collection), which on a shared 2-vCPU machine set a slow tail's length
 * more than the code does. Beside the plain percentiles, not instead of them.
 */
export function fastestEach<T>(inputs: T[], rounds: number, fn: (input: T) => unknown): number[] {
  const fastest = inputs.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < rounds; round += 1) {
    inputs.forEach((input, at) => {
      const start = process.hrtime.bigint();
      fn(input);
      fastest[at] = Math.min(fastest[at] as number, Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return fastest.sort((a, b) => a - b);
}

/** A seeded pseudo-random generator (mulberry32), so generated inputs are the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')).join('\n');
}
