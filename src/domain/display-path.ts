import { relative } from 'node:path';

/** Paths in problems are relative to the working folder, as the user typed them. */
export function displayPath(file: string): string {
  return relative(process.cwd(), file) || file;
}
