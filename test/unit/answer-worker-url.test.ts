import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { answerWorkerUrl } from '../../src/answers/answer-thread.js';
import { staleSources } from '../setup/build.js';

it('runs the answer thread from compiled JavaScript, from dist/ and from the sources alike', () => {
  expect(answerWorkerUrl('file:///app/dist/answers/answer-thread.js').href).toBe(
    'file:///app/dist/answers/answer-worker.js',
  );
  expect(answerWorkerUrl('file:///app/src/answers/answer-thread.ts').href).toBe(
    'file:///app/dist/answers/answer-worker.js',
  );
});

it('rebuilds for tests when a source has no build or is newer than it', () => {
  const root = mkdtempSync(join(tmpdir(), 'stale-'));
  mkdirSync(join(root, 'src/cli'), { recursive: true });
  mkdirSync(join(root, 'dist/cli'), { recursive: true });
  writeFileSync(join(root, 'src/cli/a.ts'), '');
  writeFileSync(join(root, 'src/cli/b.ts'), '');
  writeFileSync(join(root, 'dist/cli/a.js'), '');
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(root, 'src/cli/a.ts'), past, past);
  expect(staleSources(root)).toEqual([join(root, 'src/cli/b.ts')]);
  writeFileSync(join(root, 'dist/cli/b.js'), '');
  expect(staleSources(root)).toEqual([]);
  utimesSync(join(root, 'src/cli/a.ts'), new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
  expect(staleSources(root)).toEqual([join(root, 'src/cli/a.ts')]);
});
