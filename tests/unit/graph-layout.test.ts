import { describe, expect, it } from 'vitest';
import { layoutGraph, wrapLabel, type GraphEdgeInput, type GraphNodeInput } from '../../src/lib/graph-layout.ts';
import { escapeXml, renderGraphSvg } from '../../src/lib/graph-svg.ts';

const person = (slug: string, label: string): GraphNodeInput => ({
  id: `person:${slug}`,
  kind: 'person',
  label,
  url: `/people/${slug}/`,
  detail: 'some episodes',
});
const episode = (slug: string, label: string): GraphNodeInput => ({
  id: `episode:${slug}`,
  kind: 'episode',
  label,
  url: `/episodes/${slug}/`,
});

const nodes: GraphNodeInput[] = [
  person('steve-witkoff', 'Steve Witkoff'),
  person('marco-rubio', 'Marco Rubio'),
  person('o-brien', `Pat O'Brien & "Friends" <Esq>`),
  person('loner', 'Nobody In Particular'),
  episode('geneva-talks', 'Witkoff travels to the Geneva talks ahead of Rubio'),
  episode('paris', "Witkoff's meeting with Macron before Rubio's Paris trip"),
  episode('r-and-d', 'Talks <R&D> "quoted"'),
  episode('florida', 'Florida'),
];
const edges: GraphEdgeInput[] = [
  { source: 'person:steve-witkoff', target: 'episode:geneva-talks' },
  { source: 'person:marco-rubio', target: 'episode:geneva-talks' },
  { source: 'person:steve-witkoff', target: 'episode:paris' },
  { source: 'person:marco-rubio', target: 'episode:paris' },
  { source: 'person:o-brien', target: 'episode:r-and-d' },
  { source: 'person:steve-witkoff', target: 'episode:florida' },
];
const svgOptions = { id: 'g', title: 'Who & what', description: 'People <and> episodes' };
const render = (n = nodes, e = edges) => renderGraphSvg(layoutGraph(n, e), svgOptions);

describe('layoutGraph', () => {
  it('gives the same SVG for the same input', () => {
    expect(render()).toBe(render());
  });

  it('places nodes the same whatever order they come in', () => {
    const at = (n: GraphNodeInput[]) => Object.fromEntries(layoutGraph(n, edges).nodes.map((p) => [p.id, [p.x, p.y]]));
    expect(at([...nodes].reverse())).toEqual(at(nodes));
  });

  it('keeps every node and its label inside the viewBox', () => {
    const layout = layoutGraph(nodes, edges);
    for (const n of layout.nodes) {
      expect(n.x + n.box.left).toBeGreaterThanOrEqual(0);
      expect(n.y + n.box.top).toBeGreaterThanOrEqual(0);
      expect(n.x + n.box.right).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.box.bottom).toBeLessThanOrEqual(layout.height);
    }
  });

  it('rounds coordinates to one decimal', () => {
    const layout = layoutGraph(nodes, edges);
    for (const v of layout.nodes.flatMap((n) => [n.x, n.y]).concat(layout.edges.flatMap((e) => [e.x1, e.y1, e.x2, e.y2]))) {
      expect(Math.round(v * 10) / 10).toBe(v);
    }
  });

  it('draws each edge between the positions of two existing nodes', () => {
    const layout = layoutGraph(nodes, edges);
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(layout.edges).toHaveLength(edges.length);
    for (const e of layout.edges) {
      const [s, t] = [byId.get(e.source), byId.get(e.target)];
      expect(s && t).toBeTruthy();
      expect([e.x1, e.y1, e.x2, e.y2]).toEqual([s!.x, s!.y, t!.x, t!.y]);
    }
  });

  it('keeps label boxes from overlapping', () => {
    const { nodes: placed } = layoutGraph(nodes, edges);
    for (const a of placed) {
      for (const b of placed) {
        if (a === b) continue;
        const overlapX = Math.min(a.x + a.box.right, b.x + b.box.right) - Math.max(a.x + a.box.left, b.x + b.box.left);
        const overlapY = Math.min(a.y + a.box.bottom, b.y + b.box.bottom) - Math.max(a.y + a.box.top, b.y + b.box.top);
        expect(overlapX <= 0 || overlapY <= 0, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it('rejects an edge to an unknown node and a duplicate id', () => {
    expect(() => layoutGraph(nodes, [...edges, { source: 'person:ghost', target: 'episode:florida' }])).toThrow(
      /unknown node "person:ghost"/,
    );
    expect(() => layoutGraph([...nodes, person('loner', 'Again')], edges)).toThrow(/"person:loner" appears twice/);
  });
});

describe('renderGraphSvg', () => {
  it('links every node exactly once to its page', () => {
    const svg = render();
    for (const n of nodes) expect(svg.split(`href="${escapeXml(n.url)}"`)).toHaveLength(2);
    expect(svg.match(/<a /g)).toHaveLength(nodes.length);
  });

  it('draws one line per edge, plus the legend sample', () => {
    expect(render().match(/<line /g)).toHaveLength(edges.length + 1);
  });

  it('is labelled by its title and description', () => {
    const svg = render();
    expect(svg).toMatch(/^<svg [^>]*aria-labelledby="g-title" aria-describedby="g-desc"/);
    expect(svg).toContain('<title id="g-title">Who &amp; what</title>');
    expect(svg).toContain('<desc id="g-desc">People &lt;and&gt; episodes</desc>');
  });

  it('escapes ampersands, angle brackets and quotes in labels', () => {
    const svg = render();
    expect(svg).toContain('Pat O&apos;Brien &amp; &quot;Friends&quot; &lt;Esq&gt;');
    expect(svg).toContain('Talks &lt;R&amp;D&gt; &quot;quoted&quot;');
    expect(svg).not.toMatch(/<Esq>|<R&D>/);
  });

  it('draws people as circles and episodes as rounded squares', () => {
    const svg = render();
    const shapes = [...svg.matchAll(/<a class="graph-node graph-(person|episode)"[^>]*>.*?<\/title><(circle|rect)/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(shapes).toHaveLength(nodes.length);
    for (const [kind, shape] of shapes) expect(shape).toBe(kind === 'person' ? 'circle' : 'rect');
    expect(svg).toMatch(/<rect class="graph-shape"[^>]* rx="/);
  });

  it('shortens long episode titles on screen and keeps them whole in the tooltip', () => {
    const svg = render();
    expect(svg).toContain("<title>Witkoff's meeting with Macron before Rubio's Paris trip</title>".replace(/'/g, '&apos;'));
    expect(svg).toMatch(/<tspan[^>]*>[^<]*…<\/tspan>/);
  });
});

describe('wrapLabel', () => {
  it('wraps on words and marks a cut with an ellipsis', () => {
    expect(wrapLabel('Kushner accompanies Witkoff to Moscow', 24, 2)).toEqual(['Kushner accompanies', 'Witkoff to Moscow']);
    expect(wrapLabel('The leaked transcript of Witkoff’s call with Yuri Ushakov', 24, 2)).toEqual([
      'The leaked transcript of',
      'Witkoff’s call with…',
    ]);
    expect(wrapLabel('Short', 24, 2)).toEqual(['Short']);
  });
});
