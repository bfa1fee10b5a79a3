import { defineCollection } from 'astro:content';
import { dossierLoader } from './integrations/dossier-loader.ts';

export const collections = {
  sources: defineCollection({ loader: dossierLoader('sources') }),
  people: defineCollection({ loader: dossierLoader('people') }),
  episodes: defineCollection({ loader: dossierLoader('episodes') }),
  discrepancies: defineCollection({ loader: dossierLoader('discrepancies') }),
  claims: defineCollection({ loader: dossierLoader('claims') }),
};
