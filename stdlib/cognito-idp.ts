import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

/** A pool id is one flat string (`REGION_ID`, never `/` or `:`): a glob stays inside it. */
const userPool = regional('cognito-idp', 'userpool', 'userpool/', 'user pool id, e.g. `eu-west-1_AbCdEf123`', {
  pattern: /^[A-Za-z0-9_*?-]{1,55}$/,
  message: 'a user pool id is the region, `_` and letters and digits: `eu-west-1_AbCdEf123`',
}, 'flat');

export const cognitoIdpPatterns: readonly Pattern[] = [
  {
    id: 'cognito-idp.manage-users.user-pool',
    service: 'cognito-idp',
    verb: 'manage-users',
    resourceType: 'user-pool',
    doc: "administer a user pool's users: create, read, update, enable, disable, delete, group membership, password resets, sign-out",
    target: userPool,
    parts: [
      {
        actions: [
          'cognito-idp:AdminAddUserToGroup',
          'cognito-idp:AdminConfirmSignUp',
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminDeleteUser',
          'cognito-idp:AdminDeleteUserAttributes',
          'cognito-idp:AdminDisableUser',
          'cognito-idp:AdminEnableUser',
          'cognito-idp:AdminGetUser',
          'cognito-idp:AdminListGroupsForUser',
          'cognito-idp:AdminRemoveUserFromGroup',
          'cognito-idp:AdminResetUserPassword',
          'cognito-idp:AdminUpdateUserAttributes',
          'cognito-idp:AdminUserGlobalSignOut',
          'cognito-idp:ListUsers',
        ],
        on: itself,
      },
    ],
    note: 'user administration is power over the users: adding one to a group gives it the group\'s IAM role through an identity pool, and changing its `email` or custom attributes can hand over the account or the app\'s own authorisation; signing in as a user (AdminInitiateAuth), setting a known password (AdminSetUserPassword) and the pool\'s own settings are left out',
  },
  {
    id: 'cognito-idp.read.user-pool',
    service: 'cognito-idp',
    verb: 'read',
    resourceType: 'user-pool',
    doc: "look up a user pool's users and their groups",
    target: userPool,
    parts: [
      { actions: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser', 'cognito-idp:DescribeUserPool', 'cognito-idp:ListUsers', 'cognito-idp:ListUsersInGroup'], on: itself },
    ],
  },
];
