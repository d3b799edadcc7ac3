import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

const project = regional('codebuild', 'project', 'project/', 'project name', {
  pattern: /^[A-Za-z0-9*?][A-Za-z0-9_*?-]{0,254}$/,
  message: 'project names are up to 255 letters, digits, `-` and `_`',
});

const reportGroup = regional('codebuild', 'report-group', 'report-group/', 'report group name', {
  pattern: /^[A-Za-z0-9*?][A-Za-z0-9_*?-]{0,127}$/,
  message: 'report group names are up to 128 letters, digits, `-` and `_`',
});

export const codebuildPatterns: readonly Pattern[] = [
  {
    id: 'codebuild.run.project',
    service: 'codebuild',
    verb: 'run',
    resourceType: 'project',
    doc: 'start builds of a project, follow them and stop them',
    target: project,
    parts: [{ actions: ['codebuild:BatchGetBuilds', 'codebuild:StartBuild', 'codebuild:StopBuild'], on: itself }],
    note: 'StartBuild may override the project\'s source, commands and environment: whoever may start a build runs code as the project\'s role; BatchGetBuilds returns the builds\' plaintext environment variables',
  },
  {
    id: 'codebuild.write.report-group',
    service: 'codebuild',
    verb: 'write',
    resourceType: 'report-group',
    doc: 'publish test and code-coverage reports to a report group',
    target: reportGroup,
    parts: [{ actions: ['codebuild:BatchPutCodeCoverages', 'codebuild:BatchPutTestCases', 'codebuild:CreateReport', 'codebuild:UpdateReport'], on: itself }],
    versusCdk: '`ReportGroup.grantWrite` picks test cases or coverages by the group\'s type, which a name does not say: iamc grants both',
  },
];
