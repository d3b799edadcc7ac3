import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { cstDts } from '../../../grammar/cst-dts.js';

const path = new URL('../../../grammar/cst.d.ts', import.meta.url);

it('grammar/cst.d.ts is what the grammar generates (UPDATE_CST_DTS=1 rewrites it)', () => {
  const generated = cstDts();
  if (process.env['UPDATE_CST_DTS'] === '1') writeFileSync(path, generated);
  expect(readFileSync(path, 'utf8')).toBe(generated);
});
