import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

/** A repository's ARN ends in its bare name: `arn:aws:codecommit:REGION:ACCOUNT:NAME`. */
const repository = regional('codecommit', 'repository', '', 'repository name', {
  pattern: /^[A-Za-z0-9._*?-]{1,100}$/,
  message: 'repository names are up to 100 letters, digits and `._-`',
});

/**
 * The reading half of SAM's CodeCommitReadPolicy (its `TestRepositoryTriggers` runs the triggers,
 * a write) and CDK's `grantRead`'s EvaluatePullRequestApprovalRules: every action Read or List.
 */
const READ_ACTIONS = [
  'codecommit:BatchDescribeMergeConflicts',
  'codecommit:BatchGetCommits',
  'codecommit:BatchGetPullRequests',
  'codecommit:DescribeMergeConflicts',
  'codecommit:DescribePullRequestEvents',
  'codecommit:EvaluatePullRequestApprovalRules',
  'codecommit:GetBlob',
  'codecommit:GetBranch',
  'codecommit:GetComment',
  'codecommit:GetCommentsForComparedCommit',
  'codecommit:GetCommentsForPullRequest',
  'codecommit:GetCommit',
  'codecommit:GetCommitHistory',
  'codecommit:GetCommitsFromMergeBase',
  'codecommit:GetDifferences',
  'codecommit:GetFile',
  'codecommit:GetFolder',
  'codecommit:GetMergeCommit',
  'codecommit:GetMergeConflicts',
  'codecommit:GetMergeOptions',
  'codecommit:GetObjectIdentifier',
  'codecommit:GetPullRequest',
  'codecommit:GetReferences',
  'codecommit:GetRepository',
  'codecommit:GetRepositoryTriggers',
  'codecommit:GetTree',
  'codecommit:GetUploadArchiveStatus',
  'codecommit:GitPull',
  'codecommit:ListBranches',
  'codecommit:ListPullRequests',
  'codecommit:ListTagsForResource',
];

export const codecommitPatterns: readonly Pattern[] = [
  {
    id: 'codecommit.pull.repository',
    service: 'codecommit',
    verb: 'pull',
    resourceType: 'repository',
    doc: 'clone and fetch a repository over git',
    target: repository,
    parts: [{ actions: ['codecommit:GitPull'], on: itself }],
    versusCdk: 'same as `grantPull`',
  },
  {
    id: 'codecommit.push.repository',
    service: 'codecommit',
    verb: 'push',
    resourceType: 'repository',
    doc: 'clone, fetch and push to a repository over git',
    target: repository,
    parts: [{ actions: ['codecommit:GitPull', 'codecommit:GitPush'], on: itself }],
    versusCdk: 'same as `grantPush`',
    note: 'a git push can delete branches and tags: use `codecommit:References` in an `allow` to hold it to some branches',
  },
  {
    id: 'codecommit.read.repository',
    service: 'codecommit',
    verb: 'read',
    resourceType: 'repository',
    doc: 'read a repository through the API and git: files, commits, branches, pull requests, comments',
    target: repository,
    parts: [{ actions: READ_ACTIONS, on: itself }],
    versusCdk: '`grantRead` grants `codecommit:Get*` and `codecommit:Describe*`; iamc names each read',
  },
];
