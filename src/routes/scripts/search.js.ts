/** The search page's script, on Pagefind's JS API: the engine's file, served as is (Vite must not rewrite its import). */
import script from '../../assets/search.js?raw';

export const GET = () => new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
