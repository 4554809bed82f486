import { z } from 'zod';
import { catalogFileSchema } from './catalog-schema.js';

/** The JSON Schema editors use to check catalog files; generated from the zod schema, never edited by hand. */
export function catalogJsonSchema(): string {
  const schema = z.toJSONSchema(catalogFileSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'oauth-error-bot catalog file' }, null, 2)}\n`;
}
