import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

const project = regional('codebuild', 'project', 'project/', 'project name', {
  pattern: /^[A-Za-z0-9*?][A-Za-z0-9_*?-]{0,254}$/,
  message: 'project names are up to 255 letters, digits, `-` and `_`',
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
    note: 'StartBuild may override the project\'s source, commands and environment: whoever may start a build runs code as the project\'s role',
  },
];
