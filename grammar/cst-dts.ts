/**
 * The CST types (grammar/cst.d.ts) are generated from the grammar so the visitor cannot drift
 * from it. test/syntax/dsl/cst-dts.test.ts fails when the checked-in file is stale and rewrites
 * it when run with `UPDATE_CST_DTS=1`.
 */
import { generateCstDts } from 'chevrotain';
import { iamParser } from './parser.js';

export function cstDts(): string {
  const header = '// Generated from grammar/parser.ts by grammar/cst-dts.ts. Do not edit; regenerate with\n// `UPDATE_CST_DTS=1 npx vitest run test/syntax/dsl/cst-dts.test.ts`.\n';
  return header + generateCstDts(iamParser.getGAstProductions(), { includeVisitorInterface: false });
}
