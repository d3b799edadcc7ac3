import { checkName } from './arn.js';
import type { ArnContext, Pattern, TargetShape } from './pattern.js';

const METHODS = new Set(['*', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** What is wrong with one part of `API-ID/STAGE/METHOD/PATH`, by its position. */
function routeProblem(name: string): string | undefined {
  const parts = name.split('/');
  if (parts.length < 4) return 'write `API-ID/STAGE/METHOD/PATH` (`*` allowed in each part), e.g. `a1b2c3d4e5/prod/GET/orders/*`';
  const [apiId, stage, method] = parts as [string, string, string];
  if (!/^[a-z0-9*?]{1,10}$/.test(apiId)) return `the API id \`${apiId}\` is not one: API Gateway ids are ten lowercase letters and digits`;
  if (!/^[A-Za-z0-9_$*?-]{1,128}$/.test(stage)) return `the stage \`${stage}\` is not one: stage names use letters, digits, \`-\` and \`_\` (\`$default\` for HTTP APIs)`;
  if (!METHODS.has(method)) return `the method \`${method}\` is not one: write an HTTP method in capitals (${[...METHODS].filter((m) => m !== '*').join(', ')}) or \`*\``;
  const path = parts.slice(3).join('/');
  if (!/^[A-Za-z0-9._~{}+@$*?/-]*$/.test(path)) return `the path \`${path}\` holds characters a resource path cannot`;
  return undefined;
}

/**
 * A route of an API: `arn:aws:execute-api:REGION:ACCOUNT:API-ID/STAGE/METHOD/PATH`. The name is
 * `/`-levelled: a `*` stays in its part (a stage glob never reaches another method), and a final
 * `/*` is every path below.
 */
const route: TargetShape = {
  catalogueType: 'execute-api-general',
  nameHint: '`API-ID/STAGE/METHOD/PATH`, e.g. `a1b2c3d4e5/prod/GET/orders/*`',
  regional: true,
  meaning: { kind: 'path', template: 'arn:{partition}:execute-api:{region}:{account}:{name}' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name) ?? routeProblem(name);
    return error ? { error } : { arn: `arn:${ctx.partition}:execute-api:${ctx.region}:${ctx.account}:${name}` };
  },
};

export const executeApiPatterns: readonly Pattern[] = [
  {
    id: 'execute-api.invoke.api',
    service: 'execute-api',
    verb: 'invoke',
    resourceType: 'api',
    doc: 'call the routes of an API Gateway API whose authorisation is IAM',
    target: route,
    parts: [{ actions: ['execute-api:Invoke'], on: (t) => [t.arn] }],
    versusCdk: 'same as `Method.grantExecute` for one method; `RestApi`/`HttpApi` grants by stage or route are a glob here',
  },
];
