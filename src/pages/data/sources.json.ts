import type { APIRoute } from 'astro';
import { getSources } from '../../data/dossier.ts';
import { sourcesExport } from '../../lib/views/data-export.ts';
import { site } from '../../site-config.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(sourcesExport(await getSources(), site.url), null, 2), { headers: { 'Content-Type': 'application/json' } });
