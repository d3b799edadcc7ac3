import { checkName, itself, policyVariableError, regional } from './arn.js';
import type { ArnContext, Pattern, TargetArn, TargetShape } from './pattern.js';

/** 3–28 lowercase letters, digits and `-`, starting with a letter (globs allowed). */
const DOMAIN = /^[a-z*?][a-z0-9*?-]{0,27}$/;
const DOMAIN_MESSAGE = 'domain names are 3 to 28 lowercase letters, digits and `-`, starting with a letter';

// A segment: index and path ARNs continue after the name with `/`.
const domain = regional('es', 'domain', 'domain/', 'OpenSearch Service domain name', { pattern: DOMAIN, message: DOMAIN_MESSAGE }, 'segment');

/** Index names are lowercase and never hold `/`, `\`, `?`, `"`, `<`, `>`, `|`, `,`, `#` or spaces. */
const INDEX = /^[^_+\-A-Z/\\"<>|,#:\s][^A-Z/\\"<>|,#:\s]*$/;

/**
 * An index glob that begins with a wildcard also matches the domain's own APIs, whose first level
 * starts with `_` (`_cluster/settings`, `_snapshot`, `_plugins/_security`): no index, so beyond the
 * name. An index glob starts with the letters of the indexes it means.
 */
const LEADING_WILDCARD = /^[*?]/;

/** `DOMAIN/INDEX`, each part validated; `*` never crosses the `/`. */
const index: TargetShape = {
  catalogueType: 'domain',
  nameHint: '`domain/index` (globs allowed in each)',
  regional: true,
  meaning: { kind: 'segment', template: 'arn:{partition}:es:{region}:{account}:domain/{name}' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name);
    if (error) return { error };
    const parts = name.split('/');
    if (parts.length !== 2) return { error: 'name the index as `domain/index`: one `/` between the domain and the index' };
    const [d, i] = parts as [string, string];
    if (!DOMAIN.test(d)) return { error: `the domain \`${d}\`: ${DOMAIN_MESSAGE}` };
    if (i.length === 0 || !INDEX.test(i)) return { error: `the index \`${i}\`: index names are lowercase and never start with \`_\`, \`-\` or \`+\`` };
    if (LEADING_WILDCARD.test(i)) {
      return { error: `the index \`${i}\` starts with a wildcard, which also reaches the domain's own APIs (\`_cluster\`, \`_snapshot\`, \`_plugins\`): start the glob with the indexes' first letters, or grant the whole domain (\`read es domain\`, \`write es domain\`)` };
    }
    return { arn: `arn:${ctx.partition}:es:${ctx.region}:${ctx.account}:domain/${name}` };
  },
};

/**
 * `DOMAIN/PATH`: an HTTP path of a domain (`search/_cat/indices`, `search/orders/_doc/*`), which
 * OpenSearch authorises as the domain ARN followed by the path. A wildcard stays in its level; a
 * final `/*` is every path below.
 */
const path: TargetShape = {
  catalogueType: 'domain',
  nameHint: '`domain/path` (an HTTP path, e.g. `search/_cat/indices`)',
  regional: true,
  meaning: { kind: 'path', template: 'arn:{partition}:es:{region}:{account}:domain/{name}' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name);
    if (error) return { error };
    const slash = name.indexOf('/');
    if (slash < 0) return { error: 'name the path as `domain/path`, e.g. `search/_cat/indices`' };
    const d = name.slice(0, slash);
    if (!DOMAIN.test(d)) return { error: `the domain \`${d}\`: ${DOMAIN_MESSAGE}` };
    const rest = name.slice(slash + 1);
    if (rest.split('/').some((level) => level.length === 0)) return { error: 'the path has an empty level: write it as `domain/level/level`, with no `//` and no trailing `/`' };
    if (/[\\"<>|,#\s]/.test(rest)) return { error: `the path \`${rest}\` holds a character no URL path of OpenSearch has` };
    const variable = policyVariableError(rest);
    if (variable) return { error: variable };
    return { arn: `arn:${ctx.partition}:es:${ctx.region}:${ctx.account}:domain/${name}` };
  },
};

/** The domain (cluster-level calls) and every path below it. */
const domainAndBelow = (t: TargetArn): readonly string[] => [t.arn, `${t.arn}/*`];

const READ = ['es:ESHttpGet', 'es:ESHttpHead'];
const WRITE = ['es:ESHttpPatch', 'es:ESHttpPost', 'es:ESHttpPut'];

// POST is also how OpenSearch takes searches with a body (`_search`, `_msearch`): a reader that
// searches that way needs `write`; IAM cannot tell a POST search from a POST document.
const POST_NOTE = 'searches sent as POST (`_search` with a body) are authorised as ESHttpPost, which is `write`';

// IAM reads only the request's path: `_bulk`, `_mget` and `_msearch` under an index may name other
// indexes in their body, unless the domain turns that off (advanced option
// `rest.action.multi.allow_explicit_index: false`, Amazon OpenSearch Service developer guide).
const BODY_NOTE = 'IAM authorises the path only: a `_bulk`, `_mget` or `_msearch` request under this index may name other indexes in its body unless the domain sets `rest.action.multi.allow_explicit_index` to `false`, and an index glob (`orders-*`) also matches a path that lists several indexes (`orders-1,payments/_search`), since IAM\'s `*` matches `,`';

// The domain and everything below it are also its own APIs, not only its indexes.
const DOMAIN_APIS = 'every path of the domain: its indexes and its own APIs (`_cluster`, `_snapshot`, `_plugins`)';

export const esPatterns: readonly Pattern[] = [
  {
    id: 'es.read.domain',
    service: 'es',
    verb: 'read',
    resourceType: 'domain',
    doc: 'send GET and HEAD requests to an OpenSearch Service domain (every index)',
    target: domain,
    parts: [{ actions: READ, on: domainAndBelow }],
    versusCdk: 'same as `grantRead`',
    note: `${DOMAIN_APIS}; ${POST_NOTE}`,
  },
  {
    id: 'es.write.domain',
    service: 'es',
    verb: 'write',
    resourceType: 'domain',
    doc: 'send POST, PUT and PATCH requests to an OpenSearch Service domain (every index and the cluster’s settings; no DELETE)',
    target: domain,
    parts: [{ actions: WRITE, on: domainAndBelow }],
    versusCdk: '`grantWrite` also grants ESHttpDelete: deleting is `delete es index`',
    note: `${DOMAIN_APIS}: without fine-grained access control, PUT on \`_cluster/settings\` and \`_snapshot\` is administering the domain`,
  },
  {
    id: 'es.read.index',
    service: 'es',
    verb: 'read',
    resourceType: 'index',
    doc: 'send GET and HEAD requests to one index of an OpenSearch Service domain',
    target: index,
    parts: [{ actions: READ, on: domainAndBelow }],
    versusCdk: 'same as `grantIndexRead`',
    note: `${POST_NOTE}; ${BODY_NOTE}`,
  },
  {
    id: 'es.write.index',
    service: 'es',
    verb: 'write',
    resourceType: 'index',
    doc: 'send POST, PUT and PATCH requests to one index of an OpenSearch Service domain (no DELETE)',
    target: index,
    parts: [{ actions: WRITE, on: domainAndBelow }],
    versusCdk: '`grantIndexWrite` also grants ESHttpDelete: deleting is `delete es index`',
    note: BODY_NOTE,
  },
  {
    id: 'es.read.path',
    service: 'es',
    verb: 'read',
    resourceType: 'path',
    doc: 'send GET and HEAD requests to one HTTP path of an OpenSearch Service domain (a final `/*`: every path below it)',
    target: path,
    parts: [{ actions: READ, on: itself }],
    versusCdk: 'same as `grantPathRead`',
    note: POST_NOTE,
  },
  {
    id: 'es.write.path',
    service: 'es',
    verb: 'write',
    resourceType: 'path',
    doc: 'send POST, PUT and PATCH requests to one HTTP path of an OpenSearch Service domain (no DELETE)',
    target: path,
    parts: [{ actions: WRITE, on: itself }],
    versusCdk: '`grantPathWrite` also grants ESHttpDelete: deleting is `delete es index` (or `allow … because` for a path)',
  },
  {
    id: 'es.delete.index',
    service: 'es',
    verb: 'delete',
    resourceType: 'index',
    doc: 'send DELETE requests to one index of an OpenSearch Service domain (its documents, or the index itself)',
    target: index,
    parts: [{ actions: ['es:ESHttpDelete'], on: domainAndBelow }],
    note: BODY_NOTE,
  },
];
