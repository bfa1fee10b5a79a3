/**
 * The relationship graph laid out while Astro builds. The force layout of a large dossier takes seconds (about 1 s at
 * 1,000 pages) and would run on Astro's only thread when it renders /graph/; `npm run build` runs it in a worker
 * thread of its own as soon as the content is verified, and the page takes the result (or lays the graph out itself
 * when the result is missing, failed, or was laid out from other nodes and edges).
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { waitForHandOver } from './hand-over.ts';
import type { GraphLayout } from '../lib/graph-layout.ts';
import type { GraphInput } from '../lib/views/graph-view.ts';

/**
 * Set by `npm run build` for Astro to the file the layout will be written to. Given to `npm run build` as `page`, it
 * has the graph page lay the graph out itself (as `astro dev` and a bare `astro build` do).
 */
export const GRAPH_LAYOUT = 'BACKCHANNEL_GRAPH_LAYOUT';

/** Where verification leaves the graph's nodes and edges (beside the views file). */
export const graphInputFile = (viewsFile: string) => `${viewsFile}.graph-input.json`;
/** Where the layout goes (beside the views file). */
export const graphLayoutFile = (viewsFile: string) => `${viewsFile}.graph-layout.json`;

/** What the layout file holds: the layout and which input it was made from, or why there is none. */
export type LayoutFile = { key: string; layout: GraphLayout } | { error: string };

/** A digest of the nodes and edges, in order: a layout is used only for the very input it was made from. */
export const layoutKey = (input: GraphInput) => createHash('sha256').update(JSON.stringify(input)).digest('hex');

/** Write the layout file whole: aside, then renamed, so a page waiting for it never reads half of it. */
export function writeLayoutFile(outFile: string, content: LayoutFile) {
  writeFileSync(`${outFile}.partial`, JSON.stringify(content));
  renameSync(`${outFile}.partial`, outFile);
}

/**
 * The layout `npm run build` made for exactly `input`, waiting for it while it is being made; undefined outside
 * `npm run build`, or when it failed or was made from another input (the page then lays the graph out itself).
 */
export async function precomputedLayout(input: GraphInput, env = process.env): Promise<GraphLayout | undefined> {
  const file = env[GRAPH_LAYOUT];
  if (!file || !(await waitForHandOver(file))) return undefined;
  const content = JSON.parse(readFileSync(file, 'utf8')) as LayoutFile;
  if ('key' in content && content.key === layoutKey(input)) {
    console.log('[backchannel-graph] the graph page took the layout made while Astro built');
    return content.layout;
  }
  const why = 'error' in content ? content.error : 'it was made from other nodes or edges';
  console.warn(`[backchannel-graph] the graph page lays the graph out itself: ${why}`);
  return undefined;
}
