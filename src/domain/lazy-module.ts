import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A library loaded on its first use, synchronously (its CommonJS build). The indexes built with fuse.js and
 * MiniSearch are built on first need, and a CLI lookup of one code needs neither: imported statically, both
 * were loaded and compiled on every start (about 10 ms of a 170 ms CLI run, measured).
 */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}
