import type { TestProject } from 'vitest/node';
import { startWordPress, type WordPressSite } from '../../scripts/wordpress/server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    wordpress: WordPressSite;
  }
}

/** Starts one real WordPress for the whole suite and stops it after the last file. */
export default async function setup(project: TestProject) {
  const site = await startWordPress({
    log: (message) => process.stderr.write(`[wordpress] ${message}\n`),
  });
  const { stop, ...info } = site;
  project.provide('wordpress', info);
  return async () => {
    await stop();
  };
}
