/** Checks and conversions of small user values: durations, names, paths, ids. */

export const MIN_SESSION_SECONDS = 3600; // IAM: MaxSessionDuration 3,600–43,200 s
export const MAX_SESSION_SECONDS = 43_200;

/** `1h`, `90m`, `1h30m`, `3600s` → seconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!match || text === '') return undefined;
  const [, h, m, s] = match;
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}

/** ISO-8601 duration as Identity Center wants it (`PT2H`, `PT1H30M`). */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}

/** IAM role (and policy) names: 1–64 characters of `A-Za-z0-9+=,.@_-`. */
export function roleNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a role name cannot be empty';
  if (name.length > 64) return `a role name is at most 64 characters; \`${name}\` has ${name.length}`;
  if (!/^[A-Za-z0-9+=,.@_-]+$/.test(name)) return 'a role name uses only letters, digits and `+=,.@_-`';
  return undefined;
}

/** Below this many characters an external id is guessable (AWS recommends a UUID, 36). */
export const SHORT_EXTERNAL_ID = 12;

/** `sts:ExternalId`: 2–1,224 characters of `A-Za-z0-9+=,.@:/_-` (the AssumeRole API's own limits). */
export function externalIdProblem(id: string): string | undefined {
  if (id === '') return 'an external id cannot be empty: an empty id is no secret at all';
  if (id.length < 2 || id.length > 1224) return `an external id is 2 to 1,224 characters; \`${id}\` has ${id.length}`;
  if (!/^[A-Za-z0-9+=,.@:\/_-]+$/.test(id)) return `\`${id}\` is not an external id: it uses only letters, digits and \`+=,.@:/_-\``;
  return undefined;
}

/** IAM paths: `/` or `/a/b/`, at most 512 characters of printable ASCII (no spaces). */
export function pathProblem(path: string): string | undefined {
  if (path.length > 512) return 'a path is at most 512 characters';
  if (!/^\/(?:[\x21-\x7e]+\/)?$/.test(path) || /\/\//.test(path)) {
    return 'a path starts and ends with `/` and uses printable characters without spaces, e.g. `/app/`';
  }
  return undefined;
}

export function descriptionProblem(text: string): string | undefined {
  if (text.length > 1000) return `a description is at most 1,000 characters; this one has ${text.length}`;
  // IAM accepts tab, newline and printable Unicode in descriptions; other control characters are refused.
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) return 'a description cannot contain control characters';
  return undefined;
}

export function isAccountId(text: string): boolean {
  return /^\d{12}$/.test(text);
}

/** IPv4 or IPv6 address with an optional prefix length. */
export function isCidr(text: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text);
  if (v4) {
    const octets = v4.slice(1, 5).map(Number);
    const prefix = v4[5] === undefined ? 32 : Number(v4[5]);
    return octets.every((o) => o <= 255) && prefix <= 32;
  }
  const v6 = /^([0-9A-Fa-f:]+)(?:\/(\d{1,3}))?$/.exec(text);
  if (!v6 || !v6[1]!.includes(':')) return false;
  const prefix = v6[2] === undefined ? 128 : Number(v6[2]);
  const groups = v6[1]!.split('::');
  if (groups.length > 2 || prefix > 128) return false;
  const parts = groups.flatMap((g) => (g === '' ? [] : g.split(':')));
  return parts.every((p) => /^[0-9A-Fa-f]{1,4}$/.test(p)) && (groups.length === 2 ? parts.length < 8 : parts.length === 8);
}
