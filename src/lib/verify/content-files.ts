/** Content files as the verifier sees them: where each collection's files live, and each file's bytes or text. */
import { readFileSync } from 'node:fs';
import type { Collection } from '../pages/page-schemas.ts';

/** A content file: its place in a collection and its content, read from disk on first access. */
export interface ContentFile {
  /** Project-relative path with forward slashes. */
  readonly file: string;
  readonly collection: Collection;
  readonly slug: string;
  /** The file's bytes as read from disk, or its text when it was made in memory (tests, drafts). */
  readonly content: Uint8Array | string;
}

/** Where one collection's files live: its folder under content/, their extension, and their size limit. */
export interface CollectionFiles {
  collection: Collection;
  extension: '.md' | '.mdx';
  maxBytes: number;
}

/** The collections in file order: sources first, since every page is checked against them. */
export const COLLECTION_FILES: readonly CollectionFiles[] = [
  { collection: 'sources', extension: '.md', maxBytes: 5 * 1024 * 1024 },
  { collection: 'people', extension: '.mdx', maxBytes: 1024 * 1024 },
  { collection: 'episodes', extension: '.mdx', maxBytes: 1024 * 1024 },
  { collection: 'discrepancies', extension: '.mdx', maxBytes: 1024 * 1024 },
  { collection: 'pages', extension: '.mdx', maxBytes: 1024 * 1024 },
];

export const COLLECTION_NAMES: readonly Collection[] = COLLECTION_FILES.map((c) => c.collection);

/** File names no collection reads and nobody needs told about: dotfiles and folder READMEs. */
export const IGNORED = /^(\.|README\.md$)/;

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A listed content file whose bytes are read from disk on first access (`check --changed` reads few of them). */
export class DiskFile implements ContentFile {
  readonly file: string;
  readonly collection: Collection;
  readonly slug: string;
  readonly path: string;
  #content: Uint8Array | undefined;
  constructor(path: string, file: string, collection: Collection, slug: string) {
    this.path = path;
    this.file = file;
    this.collection = collection;
    this.slug = slug;
  }
  /** The bytes; throws (EACCES, EISDIR…) when they cannot be read, which decodeContent reports. */
  get content(): Uint8Array {
    this.#content ??= readFileSync(this.path);
    return this.#content;
  }
}

/** A content file made in memory. */
export const memoryFile = (file: string, collection: Collection, slug: string, content: string | Uint8Array): ContentFile => ({
  file,
  collection,
  slug,
  content,
});
