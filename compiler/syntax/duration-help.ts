/**
 * Help for a duration written without a unit. `3600` is how CloudFormation and the IAM API spell a
 * session length (seconds), so it is read as seconds first; a small number is read as hours. A
 * suggestion is made only when it lands in the range a session may last (1 h to 12 h).
 */
const MIN_SECONDS = 3600;
const MAX_SECONDS = 43_200;

/** The canonical spelling of whole seconds: `1h`, `90m`, `1h30m`. */
function spell(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}`;
}

export function unitlessDurationHelp(text: string): string {
  const range = 'durations need a unit, `h` or `m`, between `1h` and `12h`';
  if (!/^[0-9]+$/.test(text)) return range;
  const n = Number(text);
  if (n >= MIN_SECONDS && n <= MAX_SECONDS && n % 60 === 0) {
    const asHours = n % 3600 === 0 ? `\`${n / 3600}h\`` : undefined;
    const asMinutes = `\`${n / 60}m\``;
    const spelt = spell(n);
    const options = [...new Set([asHours, spelt !== `${n / 60}m` && asHours === undefined ? `\`${spelt}\`` : undefined, asMinutes].filter((x): x is string => x !== undefined))];
    return `\`${text}\` reads as seconds: write ${options.join(' or ')} (${range})`;
  }
  if (n >= 1 && n <= 12) return `write \`${n}h\` (${range})`;
  if (n * 60 >= MIN_SECONDS && n * 60 <= MAX_SECONDS) return `write \`${n}m\` (${range})`;
  return range;
}
