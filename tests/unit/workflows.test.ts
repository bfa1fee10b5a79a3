/** The GitHub workflows and the pull request template: valid YAML that runs the project's own commands. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, { branches?: string[] } | null>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, { 'runs-on': string; needs?: string; steps: Step[]; environment?: { name: string } }>;
}

const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const runs = (w: Workflow) => steps(w).flatMap((s) => (s.run ? s.run.split(/\n|&&/).map((c) => c.trim()) : []));
const uses = (w: Workflow) => steps(w).flatMap((s) => (s.uses ? [s.uses.replace(/@.*/, '')] : []));

describe('ci.yml', () => {
  const ci = workflow('ci.yml');

  it('runs on pull requests and on pushes to main', () => {
    expect(ci.on).toHaveProperty('pull_request');
    expect(ci.on.push?.branches).toEqual(['main']);
  });

  it('checks out, sets up Node, installs with npm ci, then checks citations and tests, in that order', () => {
    expect(uses(ci)).toEqual(expect.arrayContaining(['actions/checkout', 'actions/setup-node']));
    const commands = runs(ci);
    const at = (command: string) => commands.indexOf(command);
    expect(at('npm ci')).toBeGreaterThanOrEqual(0);
    expect(at('npm run check')).toBeGreaterThan(at('npm ci'));
    expect(at('npm test')).toBeGreaterThan(at('npm run check'));
  });

  it('does not need write access', () => {
    expect(ci.permissions).toEqual({ contents: 'read' });
  });
});

describe('deploy.yml', () => {
  const deploy = workflow('deploy.yml');

  it('runs on pushes to main only', () => {
    expect(deploy.on.push?.branches).toEqual(['main']);
    expect(deploy.on).not.toHaveProperty('pull_request');
  });

  it('builds with npm ci and npm run build, and uploads dist/ as the Pages artifact', () => {
    const commands = runs(deploy);
    expect(commands.indexOf('npm run build')).toBeGreaterThan(commands.indexOf('npm ci'));
    expect(commands.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    const upload = steps(deploy).find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('dist');
    expect(uses(deploy)).toEqual(
      expect.arrayContaining([
        'actions/checkout',
        'actions/setup-node',
        'actions/configure-pages',
        'actions/upload-pages-artifact',
        'actions/deploy-pages',
      ]),
    );
  });

  it('deploys after the build, with Pages permissions, one deployment at a time', () => {
    expect(deploy.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(deploy.concurrency).toMatchObject({ group: 'pages', 'cancel-in-progress': false });
    const job = Object.values(deploy.jobs).find((j) => j.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
    expect(job?.needs).toBe('build');
    expect(job?.environment?.name).toBe('github-pages');
  });
});

describe('pull request template', () => {
  const template = read('.github/pull_request_template.md');

  it('carries the citation checklist', () => {
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
