import { z } from 'zod';

/**
 * The catalog file format. One YAML file per provider under catalogs/. The JSON Schema in
 * catalogs/catalog.schema.json is generated from this (npm run schema) so editors can check files.
 */

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const providerIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes (e.g. netsuite-oauth2)');

const regexSource = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `is not a valid regular expression: ${(error as Error).message}` });
  }
});

export const linkSchema = z.strictObject({
  title: nonEmpty,
  url: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }),
});

export const contextSchema = z.strictObject({
  /** Stable id, unique within the provider, e.g. `oidc-provider`. */
  id: providerIdSchema,
  /** Shown to users, e.g. "NetSuite as OpenID Connect provider". */
  label: nonEmpty,
});

export const entrySchema = z.strictObject({
  /** Spelled as the provider spells it: AADSTS50011, E0000011, InvalidSignature, invalid_grant, auth/user-not-found. */
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/, 'must be a single token (letters, digits, _ . : / -)'),
  /** The provider's official short title, or a short one of ours when it has none. */
  title: nonEmpty,
  /**
   * A readable title in plain words, shown first where the official title is an internal name (Entra's
   * InvalidReplyTo, UserStrongAuthClientAuthNRequired); the official one is then shown beside the code.
   */
  summary: nonEmpty.optional(),
  /**
   * Who can act on it, so a channel knows whom to call: `user` (the person signing in), `admin` (an
   * administrator of the tenant, org or workspace), `developer` (whoever builds or configures the app),
   * `provider` (only the provider: an outage, a bug, their support).
   */
  actors: z.array(z.enum(['user', 'admin', 'developer', 'provider'])).default([]),
  /** Other names for the same error (Entra error names, numbers, old spellings). */
  aliases: z.array(nonEmpty).default([]),
  /**
   * Where the same code means something different in another setting (NetSuite's refresh-token table
   * for OAuth 2.0 integrations vs NetSuite as OIDC provider), each meaning is its own entry with a context.
   */
  context: contextSchema.optional(),
  /** Documented message texts. `{name}` marks a placeholder the provider fills in (a URI, a GUID, a name). */
  messages: z.array(nonEmpty).default([]),
  /**
   * How people describe the error in their own words when they have no code or message to paste ("asked to sign
   * in again every 7 days", "refresh token stops working after a week"): searched as words for a described error,
   * never matched in pasted text. Written in our own words from what the provider's documentation says happens.
   */
  symptoms: z.array(nonEmpty).default([]),
  /** Flows or steps the error occurs in: authorization_code, refresh_token, request_token, access_token, ... */
  flows: z.array(nonEmpty).default([]),
  http_status: z.number().int().min(100).max(599).optional(),
  /** Which specification defines it (oauth2 catalog): "RFC 6749 §5.2". */
  spec: nonEmpty.optional(),
  cause: nonEmpty,
  resolution: z.array(nonEmpty).min(1, 'needs at least one step'),
  links: z.array(linkSchema).min(1, 'needs at least one link to official documentation'),
  warnings: z.array(nonEmpty).default([]),
  related: z.array(nonEmpty).default([]),
  /**
   * The code is an ordinary word or a standard code that only means this provider's error when the
   * text also points at the provider (hosts, words). Such entries are never matched on the code alone.
   */
  requires_context: z.boolean().default(false),
  /**
   * The error carries another system's error inside it, as its message or a field (passport-oauth2's
   * TokenError, openid-client's OPError and ResponseBodyError): an error found inside it is the one to
   * explain first, and a message beside it is that error's, not a description of this one.
   */
  wraps: z.boolean().default(false),
});

export const providerSchema = z.strictObject({
  id: providerIdSchema,
  name: nonEmpty,
  /** Version of this catalog file's content, e.g. 2026.11.25. */
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d{1,2}(?:\.\d+)?$/, 'must look like YYYY.MM.DD'),
  homepage: z.url().optional(),
  /** Regular expressions for how this provider's codes look in text, e.g. `AADSTS\d{5,7}`. */
  patterns: z.array(regexSource).default([]),
  /**
   * Link template for codes that match a pattern but are not in the catalog (`{code}` and `{number}`
   * are filled in), e.g. Microsoft's official error lookup.
   */
  unknown_code_link: linkSchema.optional(),
  hints: z
    .strictObject({
      /** Host names (or suffixes starting with a dot) that point at this provider. */
      hosts: z.array(nonEmpty).default([]),
      /** Words or fragments (case-insensitive) that point at this provider: AADSTS, oauth_signature. */
      words: z.array(nonEmpty).default([]),
      /**
       * Single words people type for this provider in a lookup (`google`, `azure`): `/oauth-error
       * invalid_grant google` then reads the code as this provider's, as `--provider` would, but without
       * hiding the others.
       */
      names: z.array(z.string().regex(/^[a-z0-9]+$/, 'must be one lower-case word')).default([]),
    })
    .default({ hosts: [], words: [], names: [] }),
  /**
   * For a client library: the providers it signs in to (MSAL: entra), by id. Its own words on a line (a class
   * name, a package) then name those providers as their name would, near a standard code they answer.
   */
  servers: z.array(providerIdSchema).default([]),
  /** Shown with every answer of this provider. */
  notices: z.array(nonEmpty).default([]),
  /**
   * The provider's codes that integrators hit most, most often first (the file's header says on what evidence):
   * what a question naming the provider and no error of it (`github login not working`) is shown first.
   */
  common: z.array(nonEmpty).default([]),
});

export const catalogFileSchema = z.strictObject({
  $schema: z.string().optional(),
  provider: providerSchema,
  entries: z.array(entrySchema).min(1, 'a catalog needs at least one entry'),
});

export type CatalogFile = z.infer<typeof catalogFileSchema>;
export type ProviderMeta = z.infer<typeof providerSchema>;
export type CatalogEntry = z.infer<typeof entrySchema>;
export type Link = z.infer<typeof linkSchema>;
