// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import remarkGfm from 'remark-gfm';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { site } from './src/site-config.ts';

// The build script points outDir at a staging folder so a failed build never touches dist/.
export default defineConfig({
  site: site.url,
  outDir: process.env.BACKCHANNEL_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: { remarkPlugins: [remarkGfm] },
  integrations: [mdx({ remarkPlugins: [remarkGfm] }), sitemap(), pagefindIntegration()],
  devToolbar: { enabled: false },
});
