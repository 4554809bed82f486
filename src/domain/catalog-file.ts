import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import type { CatalogProblem } from '../errors.js';
import { type CatalogFile, catalogFileSchema } from './catalog-schema.js';
import { displayPath } from './display-path.js';
import { compileTemplate } from './templates.js';

/** Parses and checks one catalog file's text. Problems name the file, the entry (by code) and the field. */
export function parseCatalogFile(file: string, text: string): { catalog?: CatalogFile; problems: CatalogProblem[] } {
  const name = displayPath(file);
  if (text.includes('\u0000')) return { problems: [{ file: name, message: 'is a binary file, not YAML' }] };
  let raw: unknown;
  try {
    // The core schema keeps YAML 1.2 scalars plain: `version: 2026.11.25` stays a string, no dates appear.
    raw = load(text, { schema: CORE_SCHEMA, filename: name });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const at = error.mark ? ` (line ${error.mark.line + 1}, column ${error.mark.column + 1})` : '';
    return { problems: [{ file: name, message: `YAML syntax: ${error.reason}${at}` }] };
  }
  const result = catalogFileSchema.safeParse(raw, {
    error: (issue) => (issue.input === undefined && issue.code === 'invalid_type' ? 'is required' : undefined),
  });
  if (!result.success) return { problems: result.error.issues.map((issue) => toProblem(name, raw, issue)) };
  return { catalog: result.data, problems: semanticProblems(name, result.data) };
}

function toProblem(file: string, raw: unknown, zodIssue: z.core.$ZodIssue): CatalogProblem {
  let issue = zodIssue;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = [...issue.path.map(String), ...keys.slice(0, 1)];
  if (keys.length > 0)
    issue = {
      ...issue,
      message: `unknown field${keys.length > 1 ? `s ${keys.join(', ')}` : ''} (check the spelling against catalog.schema.json)`,
    };
  if (path[0] === 'entries' && path.length >= 2) {
    const index = Number(path[1]);
    const entry = (raw as { entries?: { code?: unknown }[] }).entries?.[index];
    const code = typeof entry?.code === 'string' ? entry.code : `#${index + 1}`;
    const field = path.slice(2).join('.');
    return { file, entry: code, ...(field ? { field } : {}), message: issue.message };
  }
  return { file, ...(path.length ? { field: path.join('.') } : {}), message: issue.message };
}

/** Checks the schema cannot express: unique codes per context, templates that compile, known related and common codes. */
function semanticProblems(file: string, catalog: CatalogFile): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const codes = new Set(catalog.entries.map((entry) => entry.code));
  const byCode = new Map<string, CatalogFile['entries']>();
  for (const entry of catalog.entries) byCode.set(entry.code, [...(byCode.get(entry.code) ?? []), entry]);
  for (const [code, entries] of byCode) {
    if (entries.length < 2) continue;
    const contexts = entries.map((entry) => entry.context?.id);
    if (contexts.includes(undefined) || new Set(contexts).size < contexts.length) {
      problems.push({
        file,
        entry: code,
        field: 'context',
        message: `the code appears ${entries.length} times: give each of its entries a different context`,
      });
    }
  }
  for (const entry of catalog.entries) {
    entry.messages.forEach((message, i) => {
      if (!compileTemplate(message)) {
        problems.push({
          file,
          entry: entry.code,
          field: `messages.${i}`,
          message: 'a message needs at least one word of text besides placeholders',
        });
      }
    });
  }
  catalog.provider.common.forEach((code, i) => {
    if (!codes.has(code)) problems.push({ file, field: `provider.common.${i}`, message: `unknown code "${code}"` });
  });
  for (const entry of catalog.entries) {
    entry.related.forEach((code, i) => {
      if (!codes.has(code) && !/^[a-z0-9-]+:/.test(code)) {
        problems.push({
          file,
          entry: entry.code,
          field: `related.${i}`,
          message: `unknown code "${code}" (use provider:code for another catalog's code)`,
        });
      }
    });
  }
  return problems;
}
