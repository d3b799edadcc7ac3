/** The `iamc` command line: dispatches to one command; every command returns its exit code. */
import { readFileSync } from 'node:fs';
import { runCheck } from './commands/check.js';
import { runCompile } from './commands/compile.js';
import { runDiff } from './commands/diff.js';
import { runExplain } from './commands/explain.js';
import { runFmt } from './commands/fmt.js';
import { runStdlib } from './commands/stdlib.js';
import { EXIT_OK, EXIT_USAGE, processIo, type Io } from './io.js';

export const MAIN_HELP = `iamc — IAM intent compiler: least-privilege AWS IAM, proved at compile time

usage: iamc <command> [options]

commands:
  compile [PATHS…]   compile intent files to IAM JSON, Terraform and a manifest
  check [PATHS…]     everything compile does, except writing
  fmt [PATHS…]       lay out .iam files canonically (--check to verify only)
  explain --role NAME --action A --resource ARN [PATHS…]
                     why a role may or may not make a request, in intent terms
  diff BASE HEAD     what changed in access between two versions (intents or compiled output)
  stdlib [SERVICE [TYPE]]
                     list the standard library's patterns and their actions

Run \`iamc <command> --help\` for a command's options.
`;

type Command = (args: readonly string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  compile: runCompile,
  check: runCheck,
  fmt: (args, io) => runFmt([...args], io),
  stdlib: runStdlib,
  explain: runExplain,
  diff: runDiff,
};

export async function main(argv: readonly string[], given?: Io): Promise<number> {
  let io: Io;
  try {
    io = given ?? processIo();
  } catch {
    // `process.cwd()` throws when the working directory was removed under us.
    process.stderr.write('error[IAM0001]: cannot read input: the working directory no longer exists\n   = help: change to an existing folder and run iamc again\n');
    return EXIT_USAGE;
  }
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.stderr : io.stdout)(MAIN_HELP);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === '--version' || command === '-V') {
    io.stdout(`${version()}\n`);
    return EXIT_OK;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`iamc: unknown command \`${command}\`\n\n${MAIN_HELP}`);
    return EXIT_USAGE;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    // A bug in iamc: say so plainly, never with a stack trace.
    io.stderr(`error[IAM9001]: internal error: ${error instanceof Error ? error.message : String(error)}\n   = note: this is a bug in iamc; nothing was written\n`);
    return 1;
  }
}

function version(): string {
  // From dist/cli/ when installed, from cli/ when run from source.
  for (const path of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'iamc' && pkg.version) return `iamc ${pkg.version}`;
    } catch {
      // try the next place
    }
  }
  return 'iamc (unknown version)';
}
