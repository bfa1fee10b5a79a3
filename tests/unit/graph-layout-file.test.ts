/** The graph laid out in a worker thread during `npm run build`, and taken by the graph page only for its own input. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GRAPH_LAYOUT, precomputedLayout, writeLayoutFile } from '../../src/integrations/graph-layout-file.ts';
import { startGraphLayout } from '../../src/integrations/graph-layout-worker.ts';
import { layoutGraph } from '../../src/lib/graph-layout.ts';
import { loadDossier } from '../../src/lib/read-content.ts';
import { buildCollections } from '../../src/lib/views/collections.ts';
import { graphInput, inTimelineOrder } from '../../src/lib/views/graph-view.ts';

const work = mkdtempSync(join(tmpdir(), 'backchannel-graph-layout-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const { dossier } = loadDossier(process.cwd());
const collections = buildCollections(dossier);
const input = graphInput(collections.people, inTimelineOrder(collections.episodes));

describe('the graph layout made during the build', () => {
  it('is the layout the page would make itself, and is taken for that input only', async () => {
    const inputFile = join(work, 'input.json');
    const outFile = join(work, 'layout.json');
    writeFileSync(inputFile, JSON.stringify(input));
    await startGraphLayout(inputFile, outFile);
    const env = { [GRAPH_LAYOUT]: outFile };
    expect(await precomputedLayout(input, env)).toEqual(layoutGraph(input.nodes, input.edges));

    const renamed = { ...input, nodes: input.nodes.map((n, i) => (i === 0 ? { ...n, label: `${n.label} (renamed)` } : n)) };
    expect(await precomputedLayout(renamed, env)).toBeUndefined();
    const reordered = { ...input, edges: [...input.edges].reverse() };
    expect(await precomputedLayout(reordered, env)).toBeUndefined();
    expect(await precomputedLayout(input, {})).toBeUndefined();
  }, 60_000);

  it('waits for the layout while it is being made', async () => {
    const outFile = join(work, 'later.json');
    let settled = false;
    const waiting = precomputedLayout(input, { [GRAPH_LAYOUT]: outFile }).then((layout) => {
      settled = true;
      return layout;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(settled).toBe(false);
    const layout = layoutGraph(input.nodes.slice(0, 3), []);
    writeLayoutFile(outFile, { key: 'another input', layout });
    expect(await waiting).toBeUndefined();
  });

  it('leaves the page to lay the graph out when the worker failed', async () => {
    const outFile = join(work, 'failed.json');
    await startGraphLayout(join(work, 'no-such-input.json'), outFile);
    expect(await precomputedLayout(input, { [GRAPH_LAYOUT]: outFile })).toBeUndefined();
  }, 60_000);
});
