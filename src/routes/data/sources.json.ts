import type { APIRoute } from 'astro';
import { getSources } from '../../data/dossier.ts';
import { sourcesExport } from '../../lib/views/data-export.ts';
import settings from 'virtual:backchannel/config';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(sourcesExport(await getSources(), settings.site), null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
