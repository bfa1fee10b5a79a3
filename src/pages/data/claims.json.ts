import type { APIRoute } from 'astro';
import { getClaims } from '../../data/dossier.ts';
import { claimsExport } from '../../lib/views/data-export.ts';
import { site } from '../../site-config.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(claimsExport(await getClaims(), site.url), null, 2), { headers: { 'Content-Type': 'application/json' } });
