/**
 * The hostile catalogue's cases are data (tests/fixtures/hostile/manifest.json): each says which files to write over
 * the clean base tree, built from parts, since most are too large, binary, or symbolic links to commit as files.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INVALID = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));
export const HOSTILE = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

/** One piece of a file's content. */
export type Part =
  | { text: string }
  /** `repeat`, `times` times; `{n}` in it is replaced with the repetition's number (from 1). */
  | { repeat: string; times: number }
  /** Raw bytes, in hex. */
  | { hex: string }
  /** A file of the clean base tree, with replacements. */
  | { base: string; replace?: [string, string][] }
  /** Frontmatter of an episode page citing the base source; its body starts on line 12. */
  | { episodeHead: true }
  /** Frontmatter of a source whose sha256 is its body's (after the closing `---`); its body starts on line 8. */
  | { sourceHead: true };

/** A file to write: parts, in an encoding, or a symbolic link. */
export type FileSpec = Part[] | { encoding: 'utf16le' | 'utf16be'; bom: boolean; parts: Part[] } | { symlink: string };

export interface HostileCase {
  case: string;
  description: string;
  files: Record<string, FileSpec>;
  file: string;
  rule: string;
  line: number;
  column: number;
  message: string;
  hint: string;
  /** The verifier must be done with the case within this many milliseconds. */
  maxMs: number;
}

const EPISODE_HEAD = `---
title: Hostile page
date:
  value: unknown
  label: Undated
  source: compete-to-lead-talks
  quote: "State Department spokesperson Tommy Pigott said"
participants: [tommy-pigott]
summary: A page from a stranger's pull request.
---

`;

const SOURCE_HEAD = `---
title: A long capture
publisher: null
published:
  date: unknown
language: en
sha256: {{sha256}}
---
`;

function partBytes(part: Part): Buffer {
  if ('text' in part) return Buffer.from(part.text);
  if ('repeat' in part) return Buffer.from(Array.from({ length: part.times }, (_, i) => part.repeat.replaceAll('{n}', String(i + 1))).join(''));
  if ('hex' in part) return Buffer.from(part.hex, 'hex');
  if ('episodeHead' in part) return Buffer.from(EPISODE_HEAD);
  if ('sourceHead' in part) return Buffer.from(SOURCE_HEAD);
  let text = readFileSync(join(INVALID, '_base', part.base), 'utf8');
  for (const [from, to] of part.replace ?? []) {
    if (!text.includes(from)) throw new Error(`${part.base} has no ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return Buffer.from(text);
}

/** The bytes of parts, with `{{sha256}}` replaced by the hash of what follows the frontmatter. */
function assemble(parts: readonly Part[]): Buffer {
  const bytes = Buffer.concat(parts.map(partBytes));
  const text = bytes.toString('latin1');
  const at = text.indexOf('{{sha256}}');
  if (at < 0) return bytes;
  const bodyAt = text.indexOf('\n---\n', at) + 5;
  const hash = createHash('sha256').update(bytes.subarray(bodyAt)).digest('hex');
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(hash), bytes.subarray(at + '{{sha256}}'.length)]);
}

function encode(spec: Exclude<FileSpec, Part[] | { symlink: string }>): Buffer {
  const text = assemble(spec.parts).toString('utf8');
  const le = Buffer.from((spec.bom ? '\uFEFF' : '') + text, 'utf16le');
  return spec.encoding === 'utf16le' ? le : Buffer.from(le).swap16();
}

/** Write the case's tree under `dir`: the clean base, then its files. */
export function materialize(c: HostileCase, dir: string): string {
  cpSync(join(INVALID, '_base'), dir, { recursive: true });
  for (const [path, spec] of Object.entries(c.files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if ('symlink' in spec) symlinkSync(spec.symlink, target);
    else writeFileSync(target, Array.isArray(spec) ? assemble(spec) : encode(spec));
  }
  return dir;
}
