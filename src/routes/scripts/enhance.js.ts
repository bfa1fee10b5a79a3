/** The progressive enhancements every page loads (citation previews, theme toggle): the engine's file, served as is. */
import script from '../../assets/enhance.js?raw';

export const GET = () => new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
