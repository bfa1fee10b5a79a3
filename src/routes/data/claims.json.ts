import type { APIRoute } from 'astro';
import { eachClaim } from '../../data/dossier.ts';
import { claimsExportChunks } from '../../lib/views/data-export.ts';
import settings from 'virtual:backchannel/config';

// Streamed: the claims are read from the views and written a few at a time (see `prettyJsonChunks`).
export const GET: APIRoute = () => {
  const encoder = new TextEncoder();
  const chunks = claimsExportChunks(eachClaim(), settings.site)[Symbol.iterator]();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
};
