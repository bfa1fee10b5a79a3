/** The 404 page's script (a search for the missing address's words, and a report of it): the engine's file, served as is. */
import script from '../../assets/not-found.js?raw';

export const GET = () => new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
