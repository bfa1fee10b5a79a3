/** Astro starts while `npm run build` verifies: its loader waits for the views file only when told it is coming. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VIEWS_PENDING, waitForViewsFile } from '../../src/integrations/prepare-views.ts';

describe('waitForViewsFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backchannel-views-wait-'));

  it('returns at once when no build said the views are coming', async () => {
    const missing = join(dir, 'never.ndjson');
    await expect(waitForViewsFile(missing, {})).resolves.toBeUndefined();
  });

  it('waits until the views file appears when the build is still verifying', async () => {
    const file = join(dir, 'views.ndjson');
    let settled = false;
    const waiting = waitForViewsFile(file, { [VIEWS_PENDING]: '1' }).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 150));
    expect(settled, 'still waiting while the file is absent').toBe(false);
    writeFileSync(file, '');
    await waiting;
    expect(settled).toBe(true);
  });
});
