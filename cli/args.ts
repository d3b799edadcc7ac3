/** A small, strict argument parser: unknown flags are usage errors (exit 2), never ignored. */
export interface FlagSpec {
  readonly name: string;
  readonly takesValue: boolean;
  readonly values?: readonly string[];
}

export type Parsed = { ok: true; positionals: string[]; flags: Map<string, string | true> } | { ok: false; error: string };

export function parseArgs(args: readonly string[], specs: readonly FlagSpec[]): Parsed {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.startsWith('--') ? splitOnce(arg.slice(2)) : [arg === '-h' ? 'help' : arg.slice(1), undefined];
    const spec = specs.find((s) => s.name === rawName);
    if (!spec) return { ok: false, error: `unknown option \`${arg}\`` };
    if (!spec.takesValue) {
      if (inline !== undefined) return { ok: false, error: `\`--${spec.name}\` takes no value` };
      flags.set(spec.name, true);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) return { ok: false, error: `\`--${spec.name}\` needs a value` };
    if (spec.values && !spec.values.includes(value)) {
      return { ok: false, error: `\`--${spec.name}\` is one of ${spec.values.map((v) => `\`${v}\``).join(', ')}, not \`${value}\`` };
    }
    flags.set(spec.name, value);
  }
  return { ok: true, positionals, flags };
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/**
 * Every command's start: parse the flags (plus `--help`), print the help or a usage error.
 * Returns the parsed arguments, or the exit code when the command should stop here.
 */
export function commandArgs(
  command: string,
  args: readonly string[],
  specs: readonly FlagSpec[],
  help: string,
  io: { stdout: (t: string) => void; stderr: (t: string) => void },
): { positionals: string[]; flags: Map<string, string | true> } | number {
  const parsed = parseArgs(args, [...specs, { name: 'help', takesValue: false }]);
  if (!parsed.ok) {
    io.stderr(`iamc ${command}: ${parsed.error}\n\n${help}`);
    return 2;
  }
  if (parsed.flags.has('help')) {
    io.stdout(help);
    return 0;
  }
  return parsed;
}
