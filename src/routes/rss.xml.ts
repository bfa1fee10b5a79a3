import rss from '@astrojs/rss';
import { getEpisodes, getSources } from '../data/dossier.ts';
import settings from 'virtual:backchannel/config';
import { absoluteUrl, href } from '../integration/site-settings.ts';

export async function GET() {
  const [episodes, sources] = await Promise.all([getEpisodes(), getSources()]);
  const items = [
    ...episodes.map((e) => ({
      title: e.title,
      link: e.url,
      description: `${e.date.label}. ${e.summary}`,
      categories: ['episode'],
      ...(e.date.earliest ? { pubDate: new Date(`${e.date.earliest}T00:00:00Z`) } : {}),
    })),
    ...sources.map((s) => ({
      title: `Source: ${s.title}`,
      link: s.url,
      description: `${s.name}: ${s.outletDescription}. ${s.published.label}.`,
      categories: ['source'],
      ...(s.published.earliest ? { pubDate: new Date(`${s.published.earliest}T00:00:00Z`) } : {}),
    })),
  ];
  return rss({
    title: settings.title,
    description: settings.description,
    // The channel's link is the site's home, under its base.
    site: absoluteUrl(settings, href(settings, '/')),
    items,
    customData: `<language>${settings.language}</language>`,
  });
}
