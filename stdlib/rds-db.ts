import { checkName } from './arn.js';
import type { ArnContext, Pattern, TargetShape } from './pattern.js';

/** An instance's `db-…` or a cluster's `cluster-…` resource id (not its name), or a glob over them. */
const RESOURCE_ID = /^(?:db|cluster|prx)-[A-Z0-9*?]+$|^[*?][A-Za-z0-9*?-]*$/;
/** A database user name: letters, digits, `_`, `-`, `$`, `.`, starting with a letter (or a glob). */
const USER = /^[A-Za-z_*?][A-Za-z0-9_$.*?-]{0,63}$/;

/** `DB-RESOURCE-ID/USER`, each part validated; `*` never crosses the `/`. */
const dbUser: TargetShape = {
  catalogueType: 'db-user',
  nameHint: '`db-RESOURCEID/user` (the instance’s or cluster’s resource id, then the database user)',
  regional: true,
  meaning: { kind: 'segment', template: 'arn:{partition}:rds-db:{region}:{account}:dbuser:{name}' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name);
    if (error) return { error };
    const parts = name.split('/');
    if (parts.length !== 2) return { error: 'name the user as `DB-RESOURCE-ID/USER`, e.g. `db-ABCDEFGHIJKL01234/app_user`' };
    const [id, user] = parts as [string, string];
    if (!RESOURCE_ID.test(id)) {
      return {
        error: `\`${id}\` is not a resource id: IAM authentication names the instance by its resource id (\`db-…\`, or \`cluster-…\` for an Aurora cluster), shown by \`aws rds describe-db-instances --query "DBInstances[].DbiResourceId"\`, never by its name`,
      };
    }
    if (!USER.test(user)) return { error: `\`${user}\` is not a database user name: letters, digits, \`_\`, \`$\`, \`.\` and \`-\`, starting with a letter` };
    return { arn: `arn:${ctx.partition}:rds-db:${ctx.region}:${ctx.account}:dbuser:${name}` };
  },
};

export const rdsDbPatterns: readonly Pattern[] = [
  {
    id: 'rds-db.connect.user',
    service: 'rds-db',
    verb: 'connect',
    resourceType: 'user',
    doc: 'connect to an RDS or Aurora database as one user with IAM authentication',
    note: 'name the resource id and the user exactly: AWS’s reference lets a user name hold `/`, so IAM would let a wildcard in either part run across the `/`, and such a name is refused (IAM2130)',
    target: dbUser,
    parts: [{ actions: ['rds-db:connect'], on: (t) => [t.arn] }],
    versusCdk: 'same as `grantConnect(user)`',
  },
];
