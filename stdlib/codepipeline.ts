import { everything, itself, NO_TARGET, regional } from './arn.js';
import type { Pattern } from './pattern.js';

/** A pipeline's ARN ends in its name; its stages and actions follow after a `/`. */
const pipeline = regional('codepipeline', 'pipeline', '', 'pipeline name', {
  pattern: /^[A-Za-z0-9.@_*?-]{1,100}$/,
  message: 'pipeline names are up to 100 letters, digits and `.@-_`',
}, 'segment');

const READ = ['codepipeline:GetPipeline', 'codepipeline:GetPipelineExecution', 'codepipeline:GetPipelineState', 'codepipeline:ListPipelineExecutions'];

export const codepipelinePatterns: readonly Pattern[] = [
  {
    id: 'codepipeline.read.pipeline',
    service: 'codepipeline',
    verb: 'read',
    resourceType: 'pipeline',
    doc: 'read a pipeline, its state and its executions',
    target: pipeline,
    parts: [{ actions: READ, on: itself }],
  },
  {
    id: 'codepipeline.run.pipeline',
    service: 'codepipeline',
    verb: 'run',
    resourceType: 'pipeline',
    doc: 'start a pipeline\'s executions and follow them',
    target: pipeline,
    parts: [{ actions: [...READ, 'codepipeline:StartPipelineExecution'], on: itself }],
    note: 'StartPipelineExecution may override the source revision (a commit, an image digest, an S3 object version or key) and the pipeline\'s variables: whoever may start it may build and deploy another revision of the source',
  },
  {
    id: 'codepipeline.respond.jobs',
    service: 'codepipeline',
    verb: 'respond',
    resourceType: 'jobs',
    doc: 'report the result of a job a pipeline gave to a Lambda action',
    target: NO_TARGET,
    parts: [
      {
        actions: ['codepipeline:PutJobFailureResult', 'codepipeline:PutJobSuccessResult'],
        on: everything,
        why: 'CodePipeline accepts job results only on `*`; a result needs the job ID the pipeline handed to this function',
      },
    ],
  },
];
