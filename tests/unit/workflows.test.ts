/**
 * The GitHub workflows and the pull request template: valid YAML that runs the project's own commands. The content
 * path of CI runs the check, the build and the link checks only; the engine path runs everything and the OS matrix;
 * the deploy builds under the base path GitHub Pages gives it. The shell steps that decide are run here, not read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPORT_MARKER } from '../../src/lib/review/index.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: { os: string[]; node: number[]; include?: { os: string; node: number }[] } };
  steps: Step[];
  environment?: { name: string };
  outputs?: Record<string, string>;
}
interface Workflow {
  on: Record<string, { branches?: string[] } | null>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? s.run.split(/\n|&&/).map((c) => c.trim()) : []));
const uses = (job: Job) => job.steps.flatMap((s) => (s.uses ? [s.uses.replace(/@.*/, '')] : []));
const step = (job: Job, name: RegExp) => {
  const found = job.steps.find((s) => name.test(s.name ?? ''));
  if (!found) throw new Error(`no step named ${name}`);
  return found;
};
const work = mkdtempSync(join(tmpdir(), 'backchannel-workflows-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const hasBash = spawnSync('bash', ['-c', 'true']).status === 0 && process.platform !== 'win32';

describe('ci.yml', () => {
  const ci = workflow('ci.yml');
  const { changes, site, comment, test, platforms } = ci.jobs;

  it('runs on pull requests and on pushes to main, read-only but for the comment job', () => {
    expect(ci.on).toHaveProperty('pull_request');
    expect(ci.on.push?.branches).toEqual(['main']);
    expect(ci.permissions).toEqual({ contents: 'read' });
    const writers = Object.entries(ci.jobs).filter(([, job]) => job.permissions);
    expect(writers.map(([name, job]) => [name, job.permissions])).toEqual([['comment', { 'pull-requests': 'write' }]]);
    // The job that can write runs no code from the pull request: no checkout, no npm.
    expect(uses(comment!)).not.toContain('actions/checkout');
    expect(runs(comment!)).toEqual([]);
  });

  it('always runs the content path: review, check with a summary table, build, link checks, the site as an artifact', () => {
    expect(site!.if).toBeUndefined();
    expect(site!.needs).toBeUndefined();
    const commands = runs(site!);
    const at = (prefix: string) => commands.findIndex((c) => c.startsWith(prefix));
    expect(at('npm ci')).toBe(0);
    expect(at('npm run review -- --base HEAD^1')).toBeGreaterThan(at('npm ci'));
    expect(at('npm run check -- --summary "$GITHUB_STEP_SUMMARY"')).toBeGreaterThan(at('npm run review'));
    expect(at('npm run build')).toBeGreaterThan(at('npm run check'));
    expect(at('npm test -- --project site tests/site/links.test.ts')).toBeGreaterThan(at('npm run build'));
    expect(step(site!, /^Check every link/).env).toEqual({ BACKCHANNEL_TEST_DIST: 'dist' });
    // Nothing else: no whole test suite on the content path (the preview step only prints a command).
    const executed = runs({ ...site!, steps: site!.steps.filter((s) => !/^Say how/.test(s.name ?? '')) });
    expect(executed.filter((c) => /^npm (test|run)/.test(c)).map((c) => c.split(' -- ')[0])).toEqual([
      'npm run review',
      'npm run check',
      'npm run build',
      'npm test',
    ]);
    const upload = site!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === 'dist');
    expect(upload?.with?.name).toBe('site-${{ github.event.pull_request.number || github.run_number }}');
  });

  it('puts the review report in the job summary and keeps a comment-sized copy for the comment job', () => {
    const review = step(site!, /^Review report/);
    expect(review.if).toBe("github.event_name == 'pull_request'");
    expect(review.run).toContain('--out review.md --max 1000000 --comment comment.md');
    expect(review.run).toContain('cat review.md >> "$GITHUB_STEP_SUMMARY"');
    // HEAD^1 of the merge commit a pull request is checked out as is its base branch.
    expect(site!.steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 2 } });
    const keep = site!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === 'comment.md');
    expect(keep?.with?.name).toBe('review');
  });

  it('tells the reader how to serve the artifact with one command', () => {
    const say = step(site!, /^Say how to preview/).run!;
    expect(say).toContain('gh run download $RUN -R $REPO -n $NAME -D ../$NAME && npm run preview -- --outDir ../$NAME');
    expect(JSON.parse(read('package.json')).scripts.preview).toBe('astro preview');
  });

  it('posts the review as one comment, updated in place, found by the report’s first line', () => {
    expect(comment!.needs).toBe('site');
    expect(comment!.if).toContain('always()');
    expect(comment!.if).toContain("github.event_name == 'pull_request'");
    const script = String(comment!.steps.find((s) => s.uses?.startsWith('actions/github-script@'))?.with?.script);
    expect(script).toContain("body.split('\\n')[0]");
    expect(script).toMatch(/updateComment[\s\S]*createComment/);
    expect(REPORT_MARKER).toBe('<!-- backchannel-review -->');
  });

  it('runs every test suite and the OS matrix only when more than content/ changed', () => {
    for (const job of [test!, platforms!]) {
      expect(job.needs).toBe('changes');
      expect(job.if).toBe("needs.changes.outputs.engine == 'true'");
    }
    expect(runs(test!)).toEqual(['npm ci', 'npm test']);
    expect(platforms!.strategy?.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'macos-15-intel', 'windows-latest']);
    expect(platforms!.strategy?.matrix.include).toEqual([{ os: 'ubuntu-latest', node: 20 }]);
    expect(platforms!['runs-on']).toBe('${{ matrix.os }}');
    expect(runs(platforms!)).toEqual(['npm ci', 'npm run check', 'npm run build']);
    expect(changes!.outputs?.engine).toBe('${{ steps.paths.outputs.engine }}');
  });

  /** Run the changes job's script in a repository whose HEAD^1..HEAD touches `files`; its `engine` output. */
  function classify(files: string[], event: string): string {
    const repo = mkdtempSync(join(work, 'changes-'));
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'base');
    for (const file of files) {
      mkdirSync(join(repo, file, '..'), { recursive: true });
      writeFileSync(join(repo, file), 'x');
    }
    git('add', '-A');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'change');
    const output = join(repo, 'output');
    const summary = join(repo, 'summary');
    writeFileSync(output, '');
    const run = spawnSync('bash', ['-e', '-c', step(changes!, /^List what changed/).run!], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, EVENT: event, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary },
    });
    expect(run.status, run.stderr).toBe(0);
    return /engine=(\w+)/.exec(readFileSync(output, 'utf8'))?.[1] ?? 'unset';
  }

  it.runIf(hasBash)('takes the content path for a pull request that touches only content/', () => {
    expect(classify(['content/people/x.mdx', 'content/sources/y.md'], 'pull_request')).toBe('false');
    expect(classify(['content/people/x.mdx', 'src/lib/model.ts'], 'pull_request')).toBe('true');
    expect(classify(['README.md'], 'pull_request')).toBe('true');
    expect(classify(['contents/x.mdx'], 'pull_request')).toBe('true');
    expect(classify(['content/people/x.mdx'], 'push')).toBe('true');
  });
});

describe('deploy.yml', () => {
  const deploy = workflow('deploy.yml');
  const build = deploy.jobs.build!;

  it('runs on pushes to main only', () => {
    expect(deploy.on.push?.branches).toEqual(['main']);
    expect(deploy.on).not.toHaveProperty('pull_request');
  });

  it('builds under the base path and origin that configure-pages reports, and uploads dist/', () => {
    const commands = runs(build);
    expect(commands.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    const built = step(build, /^Build/);
    expect(built.run).toBe('npm run build -- --site "$PAGES_ORIGIN" --base "$PAGES_BASE_PATH/"');
    expect(built.env).toMatchObject({
      PAGES_ORIGIN: '${{ steps.pages.outputs.origin }}',
      PAGES_BASE_PATH: '${{ steps.pages.outputs.base_path }}',
    });
    const names = build.steps.map((s) => s.id ?? s.name ?? s.uses);
    expect(names.indexOf('pages')).toBeLessThan(names.indexOf(built.name));
    const upload = build.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('dist');
    expect(uses(build)).toEqual(
      expect.arrayContaining(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact']),
    );
  });

  /** Run the deploy's link check on a small site in `dist`, served at `origin` under `base`. */
  function linkCheck(pages: Record<string, string>, base: string): { status: number | null; out: string } {
    const dir = mkdtempSync(join(work, 'deploy-'));
    symlinkSync(join(REPO, 'tests'), join(dir, 'tests'), 'dir');
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    for (const [file, html] of Object.entries(pages)) {
      mkdirSync(join(dir, 'dist', file, '..'), { recursive: true });
      writeFileSync(join(dir, 'dist', file), html);
    }
    const check = step(build, /^Check every link/);
    const run = spawnSync('bash', ['-c', check.run!], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${join(REPO, 'node_modules/node/bin')}:${process.env.PATH}`,
        PAGES_ORIGIN: 'https://o.github.io',
        PAGES_BASE_PATH: base,
      },
    });
    return { status: run.status, out: run.stdout + run.stderr };
  }

  it.runIf(hasBash)('checks every link of the built site under that base, and fails on a broken one', () => {
    const page = (links: string) => `<!doctype html><link rel="canonical" href="https://o.github.io/repo/">${links}`;
    const good = linkCheck(
      { 'index.html': page('<a href="/repo/people/x/">x</a>'), 'people/x/index.html': page('<a href="/repo/">home</a>') },
      '/repo',
    );
    expect(good.out).toContain('4 internal links checked under /repo/, 0 broken');
    expect(good.status).toBe(0);
    const bad = linkCheck({ 'index.html': page('<a href="/people/x/">x</a>'), 'people/x/index.html': page('') }, '/repo');
    expect(bad.status).toBe(1);
    expect(bad.out).toContain('/repo/: <a href> "x" → /people/x/ (outside the site\'s base /repo/)');
  });
});

describe('engines, .nvmrc and the pull request template', () => {
  it('says which Node npm ci needs, and which Node editors and npx should run', () => {
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; devDependencies: Record<string, string> };
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.devDependencies.node).toMatch(/^\^24\./);
    expect(read('.nvmrc').trim()).toBe('24');
  });

  it('carries the citation checklist', () => {
    const template = read('.github/pull_request_template.md');
    for (const item of [
      'inside a `<Claim>` with at least one `<Cite>`',
      'copied exactly',
      'Every source that carries the same fact is cited',
      'denial',
      'neutral and attributed',
      'outside knowledge',
      '`npm run check` is clean',
    ]) {
      expect(template).toContain(item);
    }
    expect(template.match(/^- \[ \] /gm)?.length).toBeGreaterThanOrEqual(7);
  });
});
