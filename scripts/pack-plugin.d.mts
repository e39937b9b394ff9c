// Types for pack-plugin.mjs, so TypeScript tests can import it.
export const PLUGIN_DIR: string;
export const DEFAULT_OUT: string;
export function crc32(bytes: Uint8Array): number;
export function listFiles(dir: string): string[];
export function zip(entries: [string, Buffer][]): Buffer;
export function pluginVersion(dir?: string): string;
export function packPlugin(options?: { dir?: string; out?: string }): string;
