import { readFile } from 'node:fs/promises';
import { CliInputError } from './io.js';

const MAX_BYTES = 64 * 1024 * 1024;

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Reads a file (or stdin for `-`) as text; missing, unreadable and binary files are bad input. */
export async function readInput(file: string, stdin: NodeJS.ReadableStream): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStream(stdin) : await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code ?? error);
    throw new CliInputError(`Cannot read ${file}: ${reason}`);
  }
  if (bytes.length > MAX_BYTES) throw new CliInputError(`Cannot read ${file}: larger than 64 MB`);
  // A NUL byte in the first 8 KB is how git and grep tell binary files apart.
  if (bytes.subarray(0, 8192).includes(0)) throw new CliInputError(`Cannot scan ${file}: it is a binary file`);
  return bytes.toString('utf8');
}
