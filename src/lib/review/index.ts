/**
 * `npm run review`: the dossier at a base ref against the working tree, for an editor reviewing a pull request. Both
 * are verified with the one verifier (without rendering) and compared through the views the site shows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { verifyDossier, type Diagnostic } from '../verify/index.ts';
import { compareSnapshots, type ReviewDiff } from './compare.ts';
import { resolveBase, writeTreeAt, type ReviewBase } from './git-tree.ts';
import { renderReview } from './render.ts';
import { readSourceFiles, snapshotOf, type Snapshot } from './snapshot.ts';

export { REPORT_MARKER } from './render.ts';
export { checkSummary, diagnosticsTable } from './diagnostics-table.ts';
export { code, fitTo } from './markdown.ts';

export interface ReviewOptions {
  /** The project root (a git work tree, or a folder inside one). */
  root: string;
  /** Absolute path of the content folder, inside `root`. */
  contentDir: string;
  /** The git ref to compare with (`origin/main`, `HEAD~1`). */
  base: string;
}

export interface Review {
  base: ReviewBase;
  diff: ReviewDiff;
  /** The working tree's diagnostics. */
  diagnostics: Diagnostic[];
  markdown: string;
}

async function snapshot(root: string, contentDir: string, history: boolean): Promise<Snapshot> {
  const { dossier, diagnostics } = await verifyDossier({ root, contentDir, render: false, history });
  const rel = relative(root, contentDir).split(sep).join('/');
  return snapshotOf(dossier, diagnostics, readSourceFiles(contentDir, rel ? `${rel}/` : ''));
}

/** Review the working tree against `options.base`; throws `GitError` when git cannot give the base. */
export async function reviewChanges(options: ReviewOptions): Promise<Review> {
  const base = resolveBase(options.root, options.base);
  const rel = relative(options.root, options.contentDir).split(sep).join('/');
  const work = mkdtempSync(join(tmpdir(), 'backchannel-review-'));
  try {
    // The base's content and static files, at the same paths below a folder of their own.
    writeTreeAt(options.root, base.commit, [rel || '.', 'public'], work);
    const before = await snapshot(work, join(work, ...rel.split('/')), false);
    const after = await snapshot(options.root, options.contentDir, true);
    const diff = compareSnapshots(before, after);
    return { base, diff, diagnostics: after.diagnostics, markdown: renderReview(diff, base, after.diagnostics) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
