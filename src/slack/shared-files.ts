import type { Logger } from '@slack/bolt';

/**
 * Text snippets and plain-text files shared in a message (long logs arrive that way), read so they are
 * scanned like the message itself. Only Slack's own file hosts are fetched, with the bot token (files:read),
 * up to a size limit; binary and oversized files are skipped with a log line that names neither the file
 * nor its content.
 */
export interface SharedFile {
  name?: string | undefined;
  mimetype?: string | undefined;
  filetype?: string | undefined;
  mode?: string | undefined;
  size?: number | undefined;
  url_private_download?: string | undefined;
  url_private?: string | undefined;
}

export interface ReadFile {
  name: string;
  text: string;
}

export interface FileReader {
  read(files: SharedFile[]): Promise<ReadFile[]>;
}

export interface FileReaderOptions {
  token: string;
  /** SLACK_API_URL, whose host is trusted too (GovSlack, a local fake). */
  slackApiUrl?: string | undefined;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Largest file read, in bytes (default 1 MB). */
  maxBytes?: number;
  /** Files read per message (default 5). */
  maxFiles?: number;
  fetch?: typeof fetch;
}

/** Slack's file types that hold text (snippets have their language as type). */
const TEXT_TYPES = new Set([
  'text',
  'log',
  'json',
  'javascript',
  'typescript',
  'xml',
  'yaml',
  'csv',
  'tsv',
  'shell',
  'bash',
  'python',
  'java',
  'csharp',
  'go',
  'ruby',
  'php',
  'sql',
  'markdown',
  'html',
  'css',
  'ini',
  'properties',
  'diff',
  'plain',
  'kotlin',
  'swift',
  'rust',
  'powershell',
  'dockerfile',
  'toml',
  'c',
  'cpp',
  'http',
  'txt',
]);
const TEXT_MIME = /^(?:text\/|application\/(?:json|xml|x-yaml|yaml|x-ndjson|javascript|x-sh))/;

function isText(file: SharedFile): boolean {
  return (
    file.mode === 'snippet' ||
    TEXT_MIME.test(file.mimetype ?? '') ||
    TEXT_TYPES.has((file.filetype ?? '').toLowerCase())
  );
}

/** Slack's file hosts over HTTPS, or the host SLACK_API_URL names (GovSlack, a local fake in tests). */
function trustedHost(url: URL, slackApiUrl: string | undefined): boolean {
  if (slackApiUrl !== undefined && new URL(slackApiUrl).host === url.host) return true;
  const host = url.hostname;
  return url.protocol === 'https:' && (host.endsWith('.slack.com') || host.endsWith('.slack-gov.com'));
}

export function createFileReader(options: FileReaderOptions): FileReader {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const maxFiles = options.maxFiles ?? 5;
  const get = options.fetch ?? fetch;
  const skip = (why: string): undefined => {
    options.logger.info(`Skipped a shared file: ${why}`);
    return undefined;
  };

  async function readOne(file: SharedFile): Promise<ReadFile | undefined> {
    if (!isText(file)) return skip(`not text (${file.mimetype ?? file.filetype ?? 'unknown type'})`);
    if ((file.size ?? 0) > maxBytes) return skip(`${file.size} bytes, over the ${maxBytes}-byte limit`);
    const address = file.url_private_download ?? file.url_private;
    if (!address) return skip('no download URL');
    const url = new URL(address);
    if (!trustedHost(url, options.slackApiUrl)) return skip(`not on a Slack file host (${url.host})`);
    const response = await get(url, {
      headers: { Authorization: `Bearer ${options.token}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok || !response.body) return skip(`download answered HTTP ${response.status}`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      // The declared size can be wrong; the bytes read are what counts.
      if (size > maxBytes) return skip(`over the ${maxBytes}-byte limit`);
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.includes('\u0000')) return skip('binary content');
    return { name: file.name ?? 'file', text };
  }

  return {
    async read(files) {
      const read: ReadFile[] = [];
      for (const file of files.slice(0, maxFiles)) {
        try {
          const result = await readOne(file);
          if (result) read.push(result);
        } catch (error) {
          options.logger.warn(`Could not read a shared file: ${(error as Error).name}`);
        }
      }
      if (files.length > maxFiles) skip(`${files.length - maxFiles} more than the ${maxFiles} read per message`);
      return read;
    },
  };
}
