// @ts-check
import { defineConfig } from 'astro/config';
import backchannel from './src/integration/index.ts';

// Everything this dossier says about itself is here or in content/; the engine in src/ serves any dossier.
export default defineConfig({
  site: 'https://backchannel.example.org',
  trailingSlash: 'always',
  // Pages render 4 at a time: rendering one page overlaps writing the previous ones.
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  integrations: [
    backchannel({
      title: 'Backchannel',
      tagline: 'Witkoff, Rubio and the fight over Ukraine diplomacy, 2025 — every claim checked against its source sentence',
      description:
        'Backchannel covers the 2025 rivalry between US Special Envoy Steve Witkoff and Secretary of State Marco Rubio over Ukraine diplomacy, as reported in five articles.',
      subject: 'the Witkoff–Rubio rivalry',
      repository: { url: 'https://github.com/backchannel-dossier/backchannel', branch: 'main' },
      licence: ['Text: CC BY-SA 4.0. Quoted source passages remain the property of their publishers and are quoted for verification.'],
    }),
  ],
});
