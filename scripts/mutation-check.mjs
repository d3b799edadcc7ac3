#!/usr/bin/env node
/**
 * Mutation check: runs the tests once as they are (all must pass), then once per deliberately
 * broken lowering or linter (`IAMC_MUTANT`, see compiler/verify/mutants.ts); each mutant must make
 * at least one test in the folders it names fail. Runs in a copy of the working tree so nothing here
 * changes; if lowering does not yet call the `mutateRole` hook, the copy gets it wrapped around
 * `lowerProgram` (with the `mutateBoundary` and `mutateScp` hooks).
 *
 *   node scripts/mutation-check.mjs              # all mutants
 *   node scripts/mutation-check.mjs extra-action  # some of them
 *   IAMC_PROPERTY_RUNS=300 node scripts/mutation-check.mjs
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Each mutant and the test folders that must kill it: lowering's by the proof and the laws, the linter's by its own tests. */
const LOWERING_TESTS = ['test/properties', 'test/verify'];
const TESTS_FOR = {
  'extra-action': LOWERING_TESTS,
  'widened-resource': LOWERING_TESTS,
  'dropped-condition': LOWERING_TESTS,
  'dropped-namespace': LOWERING_TESTS,
  'swapped-principal': LOWERING_TESTS,
  'loose-secret-suffix': LOWERING_TESTS,
  'unchecked-names': ['test/verify'],
  'flat-denotation': ['test/verify'],
  'textual-wildcard': ['test/glob'],
  'presence-only-pin': ['test/lint'],
  'unprotected-boundary': LOWERING_TESTS,
  'loose-exemption': ['test/lower/organization/guardrail-laws.test.ts'],
  'every-bucket-closed': ['test/glob', 'test/resolve/because-gate.test.ts'],
  'arn-equals-exact': ['test/lint'],
  'blank-reason': ['test/resolve/because-gate.test.ts'],
  'manifest-type-trusted': ['test/cli/check.test.ts'],
  'loose-sso-suffix': ['test/properties/trust-laws.test.ts', 'test/verify/sso-trust.test.ts', 'test/lower/organization/guardrail-laws.test.ts'],
};
const MUTANTS = Object.keys(TESTS_FOR);
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : MUTANTS;
const unknown = wanted.filter((m) => !MUTANTS.includes(m));
if (unknown.length > 0) {
  console.error(`unknown mutant: ${unknown.join(', ')} (known: ${MUTANTS.join(', ')})`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'iamc-mutation-'));
try {
  copyTree(work);
  ensureHook(work);
  const baseline = runTests(work, undefined, [...new Set(wanted.flatMap((m) => TESTS_FOR[m]))]);
  report('(none)', baseline);
  if (baseline.failed.length > 0 || baseline.passed === 0) {
    console.error('the tests fail without a mutant; fix that first');
    process.exit(1);
  }
  let survivors = 0;
  for (const mutant of wanted) {
    const result = runTests(work, mutant, TESTS_FOR[mutant]);
    report(mutant, result);
    if (result.failed.length === 0) survivors++;
  }
  console.log(survivors === 0 ? `\nall ${wanted.length} mutants killed` : `\n${survivors} mutant(s) survived`);
  process.exit(survivors === 0 ? 0 : 1);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Tracked and untracked (not ignored) files, with node_modules linked rather than copied. */
function copyTree(to) {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter((f) => f && f !== 'node_modules' && !f.startsWith('node_modules/'));
  for (const f of files) {
    // A worktree's node_modules may be an untracked symlink; it is linked below, not copied.
    if (!existsSync(join(root, f)) || f === 'node_modules' || f.startsWith('node_modules/')) continue;
    mkdirSync(dirname(join(to, f)), { recursive: true });
    cpSync(join(root, f), join(to, f));
  }
  symlinkSync(join(root, 'node_modules'), join(to, 'node_modules'), 'dir');
}

/** Lowering calls `mutateRole` on each role; where it does not yet, wrap `lowerProgram` in the copy. */
function ensureHook(dir) {
  const file = join(dir, 'compiler/lower/lower.ts');
  const text = readFileSync(file, 'utf8');
  if (text.includes('mutateRole')) return;
  if (!text.includes('export function lowerProgram(')) throw new Error('compiler/lower/lower.ts has no lowerProgram to hook');
  const wrapped =
    text.replace('export function lowerProgram(', 'function lowerProgramUnmutated(') +
    `
import { mutateBoundary as mutateBoundaryForCheck, mutateRole as mutateRoleForCheck, mutateScp as mutateScpForCheck } from '../verify/mutants.js';
export function lowerProgram(intent: IntentProgram, bag: DiagnosticBag): CompiledProgram {
  const program = lowerProgramUnmutated(intent, bag);
  return { ...program, roles: program.roles.map(mutateRoleForCheck), boundaries: program.boundaries.map(mutateBoundaryForCheck), scps: program.scps.map(mutateScpForCheck) };
}
`;
  writeFileSync(file, wrapped);
}

function runTests(dir, mutant, folders) {
  const out = join(dir, `.vitest-${mutant ?? 'baseline'}.json`);
  const env = { ...process.env, IAMC_MUTANT: mutant ?? '' };
  if (mutant === undefined) delete env.IAMC_MUTANT;
  const started = Date.now();
  spawnSync('npx', ['vitest', 'run', ...folders, '--reporter=json', `--outputFile=${out}`], { cwd: dir, env, stdio: 'ignore' });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!existsSync(out)) return { passed: 0, failed: ['(the test run did not finish)'], seconds };
  const json = JSON.parse(readFileSync(out, 'utf8'));
  const tests = json.testResults.flatMap((file) => file.assertionResults.map((a) => ({ name: a.fullName, status: a.status })));
  const suiteErrors = json.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).map((file) => `${file.name}: ${file.message}`);
  return { passed: tests.filter((t) => t.status === 'passed').length, failed: [...tests.filter((t) => t.status === 'failed').map((t) => t.name), ...suiteErrors], seconds };
}

function report(mutant, result) {
  const verdict = mutant === '(none)' ? (result.failed.length === 0 ? 'baseline passes' : 'BASELINE FAILS') : result.failed.length > 0 ? 'killed' : 'SURVIVED';
  console.log(`${mutant.padEnd(22)} ${verdict.padEnd(16)} ${result.passed} passed, ${result.failed.length} failed (${result.seconds}s)`);
  for (const name of result.failed) console.log(`    ✗ ${name}`);
}
