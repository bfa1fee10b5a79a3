/** Render a positioned relationship graph as an accessible SVG string: linked nodes, shapes by kind, a legend. */
import { EPISODE_SIZE, FONT_SIZE, LINE_HEIGHT, round, type GraphLayout, type PositionedNode } from './graph-layout.ts';

/** Escape text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export interface SvgOptions {
  /** Prefix for the ids of <title> and <desc>, unique on the page. */
  id: string;
  title: string;
  description: string;
}

function nodeMarkup(n: PositionedNode): string {
  const shape =
    n.kind === 'person'
      ? `<circle class="graph-shape" cx="${n.x}" cy="${n.y}" r="${n.size}"/>`
      : `<rect class="graph-shape" x="${round(n.x - n.size)}" y="${round(n.y - n.size)}" width="${2 * n.size}" height="${2 * n.size}" rx="2.5"/>`;
  const font = FONT_SIZE[n.kind];
  const first = round(n.y + n.size + 4 + font * 0.95);
  const tspans = n.lines
    .map((line, i) => `<tspan x="${n.x}" y="${round(first + i * font * LINE_HEIGHT)}">${escapeXml(line)}</tspan>`)
    .join('');
  const tooltip = n.detail ? `${n.label} (${n.detail})` : n.label;
  return `<a class="graph-node graph-${n.kind}" href="${escapeXml(n.url)}"><title>${escapeXml(tooltip)}</title>${shape}<text class="graph-label" text-anchor="middle">${tspans}</text></a>`;
}

function legendMarkup(): string {
  const y = 22;
  return [
    `<g class="graph-legend" aria-hidden="true">`,
    `<circle class="graph-legend-person" cx="24" cy="${y}" r="8"/><text x="38" y="${y + 4.5}">Person (larger: more episodes)</text>`,
    `<rect class="graph-legend-episode" x="267" y="${y - EPISODE_SIZE}" width="${2 * EPISODE_SIZE}" height="${2 * EPISODE_SIZE}" rx="2.5"/><text x="289" y="${y + 4.5}">Episode</text>`,
    `<line class="graph-edge" x1="376" y1="${y}" x2="412" y2="${y}"/><text x="420" y="${y + 4.5}">took part in</text>`,
    `</g>`,
  ].join('');
}

/** The laid-out graph as a self-contained SVG string: links for nodes, lines for edges, classes for colours. */
export function renderGraphSvg(layout: GraphLayout, options: SvgOptions): string {
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  const edges = layout.edges.map((e) => `<line class="graph-edge" x1="${e.x1}" y1="${e.y1}" x2="${e.x2}" y2="${e.y2}"/>`).join('');
  return [
    `<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="group" aria-labelledby="${titleId}" aria-describedby="${descId}">`,
    `<title id="${titleId}">${escapeXml(options.title)}</title>`,
    `<desc id="${descId}">${escapeXml(options.description)}</desc>`,
    legendMarkup(),
    `<g class="graph-edges" aria-hidden="true">${edges}</g>`,
    `<g class="graph-nodes">${layout.nodes.map(nodeMarkup).join('')}</g>`,
    `</svg>`,
  ].join('\n');
}
