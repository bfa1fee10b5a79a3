/**
 * The three projects the bench builds, generated next to the corpus inside the repository (so `astro`,
 * `@astrojs/mdx` and `@astrojs/starlight` resolve from the root node_modules), all with `build.concurrency: 4`:
 *
 * - backchannel: a project whose astro.config.mjs uses this repository's integration on the corpus, as a newsroom's
 *   dossier would (its own root, cache and output).
 * - plain: Astro 7 + @astrojs/mdx, the same MDX pages (and sources as Markdown pages) in glob-loaded content
 *   collections, rendered with trivial <Claim>/<Cite> components passed to <Content>, then indexed by Pagefind's
 *   command (`pagefind --site dist`), as its documentation sets it up.
 * - starlight: Starlight 0.42 with its defaults (its own Pagefind search) except a fixed sidebar, the same
 *   pages in the `docs` collection; each page gets a `title` (people have `name`) and an import of the two
 *   components, because Starlight renders MDX without a components map.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const COLLECTIONS = [
  ['people', '.mdx'],
  ['episodes', '.mdx'],
  ['sources', '.md'],
] as const;

const CLAIM = `---
const { id, status } = Astro.props;
---
<div class="claim" id={\`claim-\${id}\`} data-status={status}><slot /></div>
`;
const CITE = `---
const { source, quote } = Astro.props;
---
<sup class="cite"><a href={\`/sources/\${source}/\`} title={quote}>[{source}]</a></sup>
`;
// Dependencies are listed (not installed: they resolve from the root node_modules) because Astro decides which
// packages to bundle rather than externalise (packages shipping .astro files) by crawling package.json.
const PACKAGE = (name: string, deps: string[]) =>
  `${JSON.stringify({ name, private: true, type: 'module', dependencies: Object.fromEntries(deps.map((d) => [d, '*'])) }, null, 2)}\n`;

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** Insert lines right after the closing frontmatter fence. */
function afterFrontmatter(text: string, lines: string[], frontmatterLines: string[] = []): string {
  const close = text.indexOf('\n---\n', 4);
  const fm = text.slice(0, close + 1) + frontmatterLines.map((l) => `${l}\n`).join('');
  return `${fm}---\n${lines.join('\n')}${lines.length ? '\n' : ''}${text.slice(close + 5)}`;
}

/** Generate the plain Astro + MDX + Pagefind project in `dir` from the corpus in `corpus`. */
export function setupBackchannel(dir: string, corpus: string, root: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  write(join(dir, 'package.json'), PACKAGE('bench-backchannel', ['astro']));
  const integration = pathToFileURL(join(root, 'src/integration/index.ts')).href;
  write(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import backchannel from '${integration}';

export default defineConfig({
  site: 'https://bench.example.org',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  integrations: [
    backchannel({
      title: 'Bench',
      tagline: 'A generated dossier',
      description: 'A generated dossier for the benchmark.',
      subject: 'the generated story',
      contentDir: ${JSON.stringify(corpus)},
    }),
  ],
});
`,
  );
}

/**
 * Generate the plain Astro + MDX project in `dir` from the corpus in `corpus`. Pagefind runs the usual way, with its
 * command after `astro build` (see {@link PLAIN_PAGEFIND}), so its memory is never added to Astro's.
 */
export function setupPlain(dir: string, corpus: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  write(join(dir, 'package.json'), PACKAGE('bench-plain', ['astro', '@astrojs/mdx']));
  write(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://bench.example.org',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
`,
  );
  write(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
${COLLECTIONS.map(([c, ext]) => `  ${c}: defineCollection({ loader: glob({ pattern: '**/*${ext}', base: './src/content/${c}' }) }),`).join('\n')}
};
`,
  );
  write(join(dir, 'src/components/Claim.astro'), CLAIM);
  write(join(dir, 'src/components/Cite.astro'), CITE);
  write(
    join(dir, 'src/layouts/Page.astro'),
    `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title></head>
  <body>
    <header><a href="/">Bench</a></header>
    <main data-pagefind-body><h1>{title}</h1><slot /></main>
  </body>
</html>
`,
  );
  write(
    join(dir, 'src/pages/[collection]/[slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
import Page from '../../layouts/Page.astro';
import Claim from '../../components/Claim.astro';
import Cite from '../../components/Cite.astro';

export async function getStaticPaths() {
  const all = [...(await getCollection('people')), ...(await getCollection('episodes')), ...(await getCollection('sources'))];
  return all.map((entry) => ({ params: { collection: entry.collection, slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const data = entry.data as { title?: string; name?: string };
---
<Page title={data.title ?? data.name ?? entry.id}><Content components={{ Claim, Cite }} /></Page>
`,
  );
  write(
    join(dir, 'src/pages/index.astro'),
    `---
import { getCollection } from 'astro:content';
import Page from '../layouts/Page.astro';
const people = await getCollection('people');
---
<Page title="Bench"><p>{people.length} people.</p></Page>
`,
  );
  for (const [c] of COLLECTIONS) cpSync(join(corpus, c), join(dir, 'src/content', c), { recursive: true });
}

/** Generate the Starlight project in `dir` from the corpus in `corpus`. */
export function setupStarlight(dir: string, corpus: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  write(join(dir, 'package.json'), PACKAGE('bench-starlight', ['astro', '@astrojs/starlight']));
  write(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://bench.example.org',
  // A fixed sidebar: the default autogenerated one lists every page on every page (~350 bytes per entry, so
  // ~3.5 MB per page and ~37 GB in all at 10k pages), which no real site of that size ships.
  build: { concurrency: 4 },
  integrations: [starlight({ title: 'Bench', sidebar: [{ label: 'Home', link: '/' }] })],
  devToolbar: { enabled: false },
});
`,
  );
  write(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  write(join(dir, 'src/components/Claim.astro'), CLAIM);
  write(join(dir, 'src/components/Cite.astro'), CITE);
  write(join(dir, 'src/content/docs/index.md'), '---\ntitle: Bench\n---\n\nThe benchmark corpus.\n');
  for (const [c, ext] of COLLECTIONS) {
    const from = join(corpus, c);
    const to = join(dir, 'src/content/docs', c);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) {
      if (!name.endsWith(ext)) continue;
      const text = readFileSync(join(from, name), 'utf8');
      if (ext === '.md') {
        writeFileSync(join(to, name), text);
        continue;
      }
      const name_ = /^name: (.*)$/m.exec(text)?.[1];
      const imports = ["import Claim from '../../../components/Claim.astro';", "import Cite from '../../../components/Cite.astro';", ''];
      writeFileSync(join(to, name), afterFrontmatter(text, imports, name_ && !/^title:/m.test(text) ? [`title: ${name_}`] : []));
    }
  }
}
