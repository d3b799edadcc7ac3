/** Small value conversions shared by both readers of the access model. */
import type { Where } from './model.js';

/**
 * A managed policy as Identity Center refers to it: AWS managed by ARN, customer managed by path
 * and name (the reference names no account: it resolves in each assigned account).
 */
export function normaliseManagedPolicy(text: string): string {
  if (/^arn:[^:]+:iam::aws:policy\//.test(text)) return text;
  const match = /^arn:[^:]+:iam::\d{12}:policy(\/.*\/|\/)([^/]+)$/.exec(text);
  // A permission set's customer policy is a name, with its path in front when that is not `/`.
  return match ? `${match[1]!}${match[2]!}` : text.startsWith('/') ? text : `/${text}`;
}

/** `PT2H30M` → 9000; undefined when it is not an ISO-8601 duration of hours, minutes, seconds. */
export function sessionSeconds(iso: string): number | undefined {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso);
  if (!match || iso === 'PT') return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/** A manifest's `source` (`file:line:column`) back into a position. */
export function whereFromText(text: unknown): Where | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^(.*):(\d+):(\d+)$/.exec(text);
  return match ? { file: match[1]!, line: Number(match[2]), column: Number(match[3]) } : undefined;
}

/** `7200` → `2h`, `5400` → `1h30m`: how the intents write a duration. */
export function durationText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s || seconds === 0 ? `${s}s` : ''}`;
}
