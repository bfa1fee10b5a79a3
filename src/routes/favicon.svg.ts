/** The site's icon: the engine's file, served as is. */
import icon from '../assets/favicon.svg?raw';

export const GET = () => new Response(icon, { headers: { 'Content-Type': 'image/svg+xml' } });
