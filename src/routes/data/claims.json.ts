import type { APIRoute } from 'astro';
import { getClaims } from '../../data/dossier.ts';
import { claimsExport } from '../../lib/views/data-export.ts';
import settings from 'virtual:backchannel/config';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(claimsExport(await getClaims(), settings.site), null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
