import { regional } from './arn.js';
import type { Pattern, PatternPart, TargetArn } from './pattern.js';

const api = regional('appsync', 'graphqlapi', 'apis/', 'GraphQL API id, e.g. `abcdefghijklmnopqrstuvwxyz`', {
  pattern: /^[A-Za-z0-9*?]{1,64}$/,
  message: 'a GraphQL API id is letters and digits (the id AppSync gave the API, not its name)',
}, 'segment');

/** Every field of one root type: `apis/ID/types/TYPE/fields/*` (AppSync checks `appsync:GraphQL` per field). */
const fieldsOf = (type: string) => (t: TargetArn): readonly string[] => [`${t.arn}/types/${type}/fields/*`];

const graphql = (type: string): PatternPart[] => [{ actions: ['appsync:GraphQL'], on: fieldsOf(type) }];

const IAM_AUTH = 'only for APIs (or fields) whose authorisation mode is IAM';

export const appsyncPatterns: readonly Pattern[] = [
  {
    id: 'appsync.mutate.api',
    service: 'appsync',
    verb: 'mutate',
    resourceType: 'api',
    doc: 'run any mutation of a GraphQL API',
    target: api,
    parts: graphql('Mutation'),
    versusCdk: 'same as `grantMutation` with no field names',
    note: IAM_AUTH,
  },
  {
    id: 'appsync.query.api',
    service: 'appsync',
    verb: 'query',
    resourceType: 'api',
    doc: 'run any query of a GraphQL API',
    target: api,
    parts: graphql('Query'),
    versusCdk: 'same as `grantQuery` with no field names',
    note: IAM_AUTH,
  },
  {
    id: 'appsync.subscribe.api',
    service: 'appsync',
    verb: 'subscribe',
    resourceType: 'api',
    doc: 'open any subscription of a GraphQL API',
    target: api,
    parts: graphql('Subscription'),
    versusCdk: 'same as `grantSubscription` with no field names',
    note: IAM_AUTH,
  },
];
