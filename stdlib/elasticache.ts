import { arnBase, compound } from './arn.js';
import type { NamePart } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

const CACHE: NamePart = { label: 'cache', pattern: /^[a-z0-9*?-]{1,40}$/, message: 'cache names are up to 40 lowercase letters, digits and `-`' };
const GROUP: NamePart = { label: 'replication group', pattern: /^[a-z0-9*?-]{1,40}$/, message: 'replication group IDs are up to 40 lowercase letters, digits and `-`' };
const USER: NamePart = { label: 'user', pattern: /^[A-Za-z0-9*?-]{1,40}$/, message: 'user IDs are up to 40 letters, digits and `-`' };

const serverlessCache = compound('elasticache', 'serverlesscache', 'serverlesscache:', 'cache/user, e.g. `sessions/app-user`', [CACHE, USER]);
const replicationGroup = compound('elasticache', 'replicationgroup', 'replicationgroup:', 'replication group/user, e.g. `sessions/app-user`', [GROUP, USER]);

/**
 * AWS authorises Connect on the cache and on the user one at a time, never the pair: two grants
 * (`a/reader`, `b/admin`) also let the role connect to `a` as `admin`.
 */
const PAIRING = 'IAM checks the cache and the user one at a time, not as a pair: with two of these grants the role may connect to either cache as either user';

/**
 * IAM authentication to a cache checks two resources together: the cache (or replication group)
 * and the ElastiCache user the client names. The target `CACHE/USER` gives both.
 */
const cacheAndUser = (t: TargetArn): readonly string[] => {
  const slash = t.arn.lastIndexOf('/');
  return [t.arn.slice(0, slash), `${arnBase(t.arn)}user:${t.arn.slice(slash + 1)}`];
};

export const elasticachePatterns: readonly Pattern[] = [
  {
    id: 'elasticache.connect.serverless-cache',
    service: 'elasticache',
    verb: 'connect',
    resourceType: 'serverless-cache',
    doc: 'connect to a serverless cache as one user with IAM authentication (`"CACHE/USER"`)',
    target: serverlessCache,
    parts: [{ actions: ['elasticache:Connect'], on: cacheAndUser }],
    note: PAIRING,
  },
  {
    id: 'elasticache.connect.replication-group',
    service: 'elasticache',
    verb: 'connect',
    resourceType: 'replication-group',
    doc: 'connect to a replication group as one user with IAM authentication (`"GROUP/USER"`)',
    target: replicationGroup,
    parts: [{ actions: ['elasticache:Connect'], on: cacheAndUser }],
    note: PAIRING,
  },
];
