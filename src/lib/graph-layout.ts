/** Build-time layout and SVG markup of the people–episode graph: deterministic, so every build writes the same file. */
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';

export type GraphNodeKind = 'person' | 'episode';

export interface GraphNodeInput {
  /** Unique across kinds, e.g. `person:jane-doe`. */
  id: string;
  kind: GraphNodeKind;
  /** Full name or title; long episode titles are shortened on screen and kept whole in the tooltip. */
  label: string;
  url: string;
  /** Extra words for the tooltip and the link's name, e.g. "7 episodes" or a date. */
  detail?: string;
}

export interface GraphEdgeInput {
  source: string;
  target: string;
}

/** Extent of a node and its label around its centre, for collision and the viewBox. */
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface PositionedNode extends GraphNodeInput {
  x: number;
  y: number;
  /** Circle radius for people, half the side of the square for episodes. */
  size: number;
  lines: string[];
  box: Box;
}

export interface PositionedEdge {
  source: string;
  target: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PositionedNode[];
  edges: PositionedEdge[];
}

export interface LayoutOptions {
  ticks?: number;
  seed?: number;
  /** Independent runs (seeds `seed`, `seed + 1`, …); the one with fewest edges through labels wins. */
  attempts?: number;
  padding?: number;
  /** Room kept at the top of the viewBox for the legend. */
  legendHeight?: number;
  linkDistance?: number;
  /** Many-body strength; more negative spreads the graph. */
  charge?: number;
  /** Minimum space between two label boxes. */
  gap?: number;
  /** Minimum space between an edge and a label it does not belong to. */
  edgeGap?: number;
  /** Pull towards the centre along x and y; a stronger y pull gives a landscape graph. */
  gravity?: [number, number];
}

export const FONT_SIZE = { person: 15, episode: 13 } as const;
export const LINE_HEIGHT = 1.2;
const CHAR_WIDTH = 0.56; // average advance of a system sans-serif, in em; text is not measured at build time
const EPISODE_LINE_CHARS = 24;
export const EPISODE_SIZE = 7;
/** Graphs with more nodes than this are laid out in the large-graph mode (see layoutGraph). */
export const LARGE_GRAPH = 100;
const MIN_LARGE_TICKS = 20;

/** Mulberry32: a tiny seeded PRNG, so d3's jiggle is the same on every build. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cut `text` to `width` characters at a word boundary when one is near, ending with "…". */
function ellipsize(text: string, width: number): string {
  if (text.length <= width) return text;
  const cut = text.slice(0, width - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > width / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Greedy word wrap into at most `maxLines` lines of `width` characters, ending with "…" when cut. */
export function wrapLabel(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept[maxLines - 1] = ellipsize(lines.slice(maxLines - 1).join(' '), width);
  return kept.map((l) => ellipsize(l, width));
}

export const round = (n: number) => Math.round(n * 10) / 10;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface SimNode extends SimulationNodeDatum {
  id: string;
  box: Box;
}

/** Push apart two nodes whose label boxes (at their next positions) overlap, along the axis that needs the smaller move. */
function separate(a: SimNode, b: SimNode, gap: number, strength: number): void {
  const ax = a.x! + a.vx!;
  const ay = a.y! + a.vy!;
  const bx = b.x! + b.vx!;
  const by = b.y! + b.vy!;
  const dx = Math.min(ax + a.box.right, bx + b.box.right) - Math.max(ax + a.box.left, bx + b.box.left) + gap;
  const dy = Math.min(ay + a.box.bottom, by + b.box.bottom) - Math.max(ay + a.box.top, by + b.box.top) + gap;
  if (dx <= 0 || dy <= 0) return;
  // Equal centres push b right or down: ties are settled by index, never by chance.
  if (dx < dy) {
    const dir = bx + (b.box.left + b.box.right) / 2 >= ax + (a.box.left + a.box.right) / 2 ? 1 : -1;
    a.vx! -= (dir * dx * strength) / 2;
    b.vx! += (dir * dx * strength) / 2;
  } else {
    const dir = by + (b.box.top + b.box.bottom) / 2 >= ay + (a.box.top + a.box.bottom) / 2 ? 1 : -1;
    a.vy! -= (dir * dy * strength) / 2;
    b.vy! += (dir * dy * strength) / 2;
  }
}

/** Push apart nodes whose label boxes overlap: every pair, every tick (exact; for small graphs). */
function forceBoxCollide(gap: number, strength = 0.7) {
  let nodes: SimNode[] = [];
  const force = () => {
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) separate(nodes[i]!, nodes[j]!, gap, strength);
    }
  };
  force.initialize = (n: SimNode[]) => {
    nodes = n;
  };
  return force;
}

/**
 * The same push for large graphs in linear time: nodes are bucketed by the centre of their box into cells at
 * least as wide and as tall as any box plus the gap, so only nodes in neighbouring cells can overlap.
 */
function forceGridCollide(gap: number, strength = 0.7) {
  let nodes: SimNode[] = [];
  let cellWidth = 1;
  let cellHeight = 1;
  const force = () => {
    const cells = new Map<number, number[]>();
    const keys: [number, number][] = [];
    const key = (cx: number, cy: number) => cx * 1_048_576 + cy;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      const cx = Math.floor((n.x! + n.vx! + (n.box.left + n.box.right) / 2) / cellWidth);
      const cy = Math.floor((n.y! + n.vy! + (n.box.top + n.box.bottom) / 2) / cellHeight);
      keys.push([cx, cy]);
      const list = cells.get(key(cx, cy));
      if (list) list.push(i);
      else cells.set(key(cx, cy), [i]);
    }
    for (let i = 0; i < nodes.length; i++) {
      const [cx, cy] = keys[i]!;
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          const list = cells.get(key(cx + ox, cy + oy));
          if (list) for (const j of list) if (j > i) separate(nodes[i]!, nodes[j]!, gap, strength);
        }
      }
    }
  };
  force.initialize = (n: SimNode[]) => {
    nodes = n;
    cellWidth = gap + n.reduce((widest, node) => Math.max(widest, node.box.right - node.box.left), 1);
    cellHeight = gap + n.reduce((tallest, node) => Math.max(tallest, node.box.bottom - node.box.top), 1);
  };
  return force;
}

/** Push a node off any edge that runs through its label, and the edge the other way: lines stay readable. */
function forceEdgeClear(edges: GraphEdgeInput[], gap: number, strength = 3) {
  let pairs: [SimNode, SimNode][] = [];
  let nodes: SimNode[] = [];
  const force = (alpha: number) => {
    for (const [s, t] of pairs) {
      const ex = t.x! - s.x!;
      const ey = t.y! - s.y!;
      const length = Math.hypot(ex, ey);
      if (length < 1) continue;
      const nx = -ey / length;
      const ny = ex / length;
      for (const n of nodes) {
        if (n === s || n === t) continue;
        const cx = n.x! + (n.box.left + n.box.right) / 2;
        const cy = n.y! + (n.box.top + n.box.bottom) / 2;
        const along = ((cx - s.x!) * ex + (cy - s.y!) * ey) / (length * length);
        if (along <= 0 || along >= 1) continue;
        const distance = (cx - s.x!) * nx + (cy - s.y!) * ny;
        const reach = ((n.box.right - n.box.left) / 2) * Math.abs(nx) + ((n.box.bottom - n.box.top) / 2) * Math.abs(ny) + gap;
        const push = reach - Math.abs(distance);
        if (push <= 0) continue;
        const dir = distance >= 0 ? 1 : -1;
        const k = push * strength * alpha;
        n.vx! += dir * nx * k;
        n.vy! += dir * ny * k;
        s.vx! -= (dir * nx * k) / 2;
        s.vy! -= (dir * ny * k) / 2;
        t.vx! -= (dir * nx * k) / 2;
        t.vy! -= (dir * ny * k) / 2;
      }
    }
  };
  force.initialize = (n: SimNode[]) => {
    nodes = n;
    const byId = new Map(n.map((node) => [node.id, node]));
    pairs = edges.map((e) => [byId.get(e.source)!, byId.get(e.target)!]);
  };
  return force;
}

/** The readability cost of a layout: edges through other nodes' labels, and worse, through their shapes (a false link). */
function crossings(nodes: SimNode[], edges: GraphEdgeInput[]): number {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let cost = 0;
  for (const e of edges) {
    const s = byId.get(e.source)!;
    const t = byId.get(e.target)!;
    for (const n of nodes) {
      if (
        n === s ||
        n === t ||
        !segmentHitsBox(s.x!, s.y!, t.x!, t.y!, n.x! + n.box.left, n.y! + n.box.top, n.x! + n.box.right, n.y! + n.box.bottom)
      )
        continue;
      const r = -n.box.top + 4;
      cost += segmentHitsBox(s.x!, s.y!, t.x!, t.y!, n.x! - r, n.y! - r, n.x! + r, n.y! + r) ? 5 : 1;
    }
  }
  return cost;
}

/** Liang–Barsky clipping: does the segment touch the rectangle? */
function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, left: number, top: number, right: number, bottom: number): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  for (const [p, q] of [
    [-dx, x1 - left],
    [dx, right - x1],
    [-dy, y1 - top],
    [dy, bottom - y1],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const u = q / p;
    if (p < 0) t0 = Math.max(t0, u);
    else t1 = Math.min(t1, u);
    if (t0 > t1) return false;
  }
  return true;
}

type Forces = Required<Pick<LayoutOptions, 'ticks' | 'linkDistance' | 'charge' | 'gap' | 'edgeGap' | 'gravity'>>;

/** One synchronous run from a seeded shuffle of the nodes around a circle. */
function simulate(order: { id: string; box: Box }[], edges: GraphEdgeInput[], seed: number, f: Forces, large: boolean): SimNode[] {
  const random = seededRandom(seed);
  const shuffled = [...order];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const radius = 40 * Math.sqrt(shuffled.length);
  const sim: SimNode[] = shuffled.map((n, i) => {
    const angle = (2 * Math.PI * i) / shuffled.length;
    return { id: n.id, box: n.box, x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
  const simulation = forceSimulation<SimNode>(sim)
    .randomSource(random)
    .force(
      'link',
      forceLink<SimNode, GraphEdgeInput>(edges.map((e) => ({ ...e })))
        .id((d) => d.id)
        .distance(f.linkDistance),
    )
    .force('charge', forceManyBody<SimNode>().strength(f.charge).distanceMax(700))
    .force('x', forceX<SimNode>(0).strength(f.gravity[0]))
    .force('y', forceY<SimNode>(0).strength(f.gravity[1]))
    // The edge-clearing force costs edges × nodes per tick: large graphs go without it.
    .force('clear', large ? null : forceEdgeClear(edges, f.edgeGap))
    .force('collide', large ? forceGridCollide(f.gap) : forceBoxCollide(f.gap))
    .stop();
  // Fewer ticks for a large graph: let it cool within them.
  if (large) simulation.alphaDecay(1 - Math.pow(0.001, 1 / f.ticks));
  simulation.tick(f.ticks);
  return sim;
}

/** Position the graph with seeded, synchronous d3-force runs, keep the most readable, and fit it into a padded viewBox. */
export function layoutGraph(nodes: GraphNodeInput[], edges: GraphEdgeInput[], options: LayoutOptions = {}): GraphLayout {
  // A large graph (a dossier of thousands of pages) gets one run of fewer ticks with linear-time collision: the
  // all-pairs forces of twelve 400-tick runs grow with n² and took minutes at 1,000 nodes (hours at 10,000).
  const large = nodes.length > LARGE_GRAPH;
  const { seed = 1, attempts = large ? 1 : 12, padding = 16, legendHeight = 40 } = options;
  const ticks = large ? Math.max(MIN_LARGE_TICKS, Math.round((400 * LARGE_GRAPH) / nodes.length)) : 400;
  const forces: Forces = { ticks, linkDistance: 120, charge: -1000, gap: 16, edgeGap: 4, gravity: [0.1, 0.15], ...options };
  const ids = new Set<string>();
  for (const n of nodes) {
    if (ids.has(n.id)) throw new Error(`Graph node "${n.id}" appears twice; node ids must be unique.`);
    ids.add(n.id);
  }
  for (const e of edges) {
    for (const end of [e.source, e.target])
      if (!ids.has(end))
        throw new Error(`Graph edge ${e.source} → ${e.target} names an unknown node "${end}"; add the node or drop the edge.`);
  }
  const degree = new Map<string, number>();
  for (const e of edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);

  const shaped = nodes.map((n) => {
    const size = n.kind === 'person' ? round(7 + 2.4 * Math.sqrt(degree.get(n.id) ?? 0)) : EPISODE_SIZE;
    const lines = n.kind === 'person' ? [n.label] : wrapLabel(n.label, EPISODE_LINE_CHARS, 2);
    const font = FONT_SIZE[n.kind];
    const half = round(Math.max(size, (Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH * font) / 2));
    const box = { left: -half, right: half, top: -size, bottom: round(size + 4 + lines.length * font * LINE_HEIGHT) };
    return { ...n, size, lines, box };
  });

  // Runs start from nodes and links in id order, so the result depends on the data, never on input order or Math.random.
  const order = [...shaped].sort((a, b) => compare(a.id, b.id));
  const links = [...edges].sort((a, b) => compare(a.source, b.source) || compare(a.target, b.target));
  let best: { sim: SimNode[]; score: number } | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const sim = simulate(order, links, seed + attempt, forces, large);
    if (attempts === 1) {
      best = { sim, score: 0 };
      break;
    }
    const [w, h] = extent(sim);
    // One edge through a label costs about as much as 250,000 square units of extra area.
    const score = crossings(sim, links) + (w * h) / 250_000;
    if (!best || score < best.score) best = { sim, score };
  }

  const sim = best!.sim;
  const byId = new Map(sim.map((n) => [n.id, n]));
  const [width, height, minX, minY] = extent(sim);
  const dx = padding - minX;
  const dy = padding + legendHeight - minY;
  const positioned: PositionedNode[] = shaped.map((n) => {
    const s = byId.get(n.id)!;
    return { ...n, x: round(s.x! + dx), y: round(s.y! + dy) };
  });
  const at = new Map(positioned.map((n) => [n.id, n]));
  return {
    width: Math.ceil(width + 2 * padding + 0.1),
    height: Math.ceil(height + 2 * padding + legendHeight + 0.1),
    nodes: positioned,
    edges: edges.map((e) => ({
      source: e.source,
      target: e.target,
      x1: at.get(e.source)!.x,
      y1: at.get(e.source)!.y,
      x2: at.get(e.target)!.x,
      y2: at.get(e.target)!.y,
    })),
  };
}

/** Width, height and top-left corner of all nodes with their labels. */
function extent(sim: SimNode[]): [number, number, number, number] {
  // Loops, not Math.min(...array): spreading 100,000 arguments overflows the stack.
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const n of sim) {
    minX = Math.min(minX, n.x! + n.box.left);
    maxX = Math.max(maxX, n.x! + n.box.right);
    minY = Math.min(minY, n.y! + n.box.top);
    maxY = Math.max(maxY, n.y! + n.box.bottom);
  }
  return [maxX - minX, maxY - minY, minX, minY];
}
