/**
 * Build a dossier with `astro build` the way a project does, from a config file written for the test: the repository
 * as the project root (or another project folder), any content folder, output folder, site and base. What the
 * build-safety, base-path and second-dossier tests use instead of switches in the build.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BackchannelUserConfig } from '../../src/integration/user-config.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO = join(REPO, 'node_modules/astro/bin/astro.mjs');
const INTEGRATION = pathToFileURL(join(REPO, 'src/integration/index.ts')).href;

/** The options of the real dossier's astro.config.mjs that a test build keeps unless it says otherwise. */
export const TEST_OPTIONS: BackchannelUserConfig = {
  title: 'Backchannel',
  tagline: 'A test build',
  description: 'A test build of the dossier.',
  subject: 'the dossier',
  repository: { url: 'https://github.com/backchannel-dossier/backchannel' },
};

export interface ProjectBuild {
  /** The project root (the repository by default). */
  root?: string;
  outDir: string;
  site?: string;
  base?: string;
  options?: Partial<BackchannelUserConfig>;
}

/** Write an astro.config.mjs for `build` in a folder of its own; returns its path. */
export function writeConfig(build: ProjectBuild): string {
  const dir = mkdtempSync(join(tmpdir(), 'backchannel-config-'));
  const file = join(dir, 'astro.config.mjs');
  const config = {
    root: resolve(build.root ?? REPO),
    outDir: resolve(build.outDir),
    site: build.site ?? 'https://backchannel.example.org',
    ...(build.base ? { base: build.base } : {}),
    trailingSlash: 'always',
    build: { format: 'directory', concurrency: 4 },
    devToolbar: { enabled: false },
  };
  const options = { ...TEST_OPTIONS, ...build.options };
  writeFileSync(
    file,
    `import backchannel from ${JSON.stringify(INTEGRATION)};\n` +
      `export default { ...${JSON.stringify(config)}, integrations: [backchannel(${JSON.stringify(options)})] };\n`,
  );
  return file;
}

/** Run `astro build` for `build`; its exit status and output. */
export function astroBuild(build: ProjectBuild): SpawnSyncReturns<string> {
  const root = resolve(build.root ?? REPO);
  const config = writeConfig(build);
  try {
    // Astro reads `--config` relative to the project root.
    return spawnSync(process.execPath, [ASTRO, 'build', '--root', root, '--config', relative(root, config)], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
  } finally {
    rmSync(dirname(config), { recursive: true, force: true });
  }
}

/** Run `astro build` of a project with its own astro.config.mjs (the repository's by default) into `outDir`. */
export function projectBuild(outDir: string, root = REPO, args: string[] = []): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [ASTRO, 'build', '--root', root, '--outDir', resolve(outDir), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
}
