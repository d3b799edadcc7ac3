import { checkName } from './arn.js';
import type { ArnContext, Pattern, TargetArn, TargetShape } from './pattern.js';

const MODEL_ID = { pattern: /^[A-Za-z0-9._:*?-]{1,200}$/, message: 'model ids use letters, digits and `._:-`, e.g. `anthropic.claude-3-haiku-20240307-v1:0`' };

/**
 * A foundation model: `arn:aws:bedrock:REGION::foundation-model/ID`. AWS owns the models, so the ARN
 * names no account. A model id is one flat string: it holds `.` and `:` (`…-v1:0`) but never `/`.
 */
const model: TargetShape = {
  catalogueType: 'foundation-model',
  nameHint: 'foundation model id, e.g. `amazon.titan-embed-text-v2:0`',
  regional: true,
  meaning: { kind: 'flat', template: 'arn:{partition}:bedrock:{region}::foundation-model/{name}' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name, MODEL_ID);
    return error ? { error } : { arn: `arn:${ctx.partition}:bedrock:${ctx.region}::foundation-model/${name}` };
  },
};

/**
 * The Regions a cross-Region inference profile of each geography routes to, from Amazon Bedrock's
 * user guide, "Supported Regions and models for inference profiles"
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html). A profile
 * routes to some of its geography's Regions; the grant names them all rather than a Region wildcard,
 * which would reach the model in every Region of the world. `global.` profiles route to every
 * commercial Region and are refused: no list of Regions would be least privilege for long.
 */
export const PROFILE_REGIONS: Readonly<Record<string, readonly string[]>> = {
  us: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'],
  eu: ['eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3'],
  apac: ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4'],
};

const PROFILE_ID = /^[a-z]+\.[A-Za-z0-9._:*?-]{1,200}$/;

const profile: TargetShape = {
  catalogueType: 'inference-profile',
  nameHint: 'cross-Region inference profile id, e.g. `us.anthropic.claude-3-haiku-20240307-v1:0`',
  regional: true,
  meaning: { kind: 'flat', template: 'arn:{partition}:bedrock:{region}:{account}:inference-profile/{name}' },
  build: (name: string, ctx: ArnContext) => {
    const error = checkName(name, { pattern: PROFILE_ID, message: 'a profile id is a geography, `.`, and a model id: `us.anthropic.claude-3-haiku-20240307-v1:0`' });
    if (error) return { error };
    const geography = name.slice(0, name.indexOf('.'));
    if (PROFILE_REGIONS[geography] === undefined) {
      return { error: `iamc knows the Regions of the geographies ${Object.keys(PROFILE_REGIONS).map((g) => `\`${g}.\``).join(', ')}; \`${geography}.\` is not one of them (\`global.\` profiles reach every Region and are refused)` };
    }
    return { arn: `arn:${ctx.partition}:bedrock:${ctx.region}:${ctx.account}:inference-profile/${name}` };
  },
};

/** The model a profile names, in each Region of its geography. */
const profileModels = (t: TargetArn): readonly string[] => {
  const partition = t.arn.split(':')[1];
  const id = t.arn.slice(t.arn.indexOf(':inference-profile/') + ':inference-profile/'.length);
  const dot = id.indexOf('.');
  const regions = PROFILE_REGIONS[id.slice(0, dot)] ?? [];
  return regions.map((r) => `arn:${partition}:bedrock:${r}::foundation-model/${id.slice(dot + 1)}`);
};

/**
 * The models are reached only through the profile: Bedrock sets `bedrock:InferenceProfileArn` on
 * a call routed by a profile, so a direct call to the model in any Region of the geography, which
 * the words "through a profile" do not say, is refused.
 */
const throughProfile = (t: TargetArn) => [{ operator: 'ArnLike', key: 'bedrock:InferenceProfileArn', values: [t.arn] }];

const itself = (t: TargetArn): readonly string[] => [t.arn];

const INVOKE = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];
const CONVERSE = 'the Converse and ConverseStream APIs are authorised as InvokeModel and InvokeModelWithResponseStream';

export const bedrockPatterns: readonly Pattern[] = [
  {
    id: 'bedrock.invoke.inference-profile',
    service: 'bedrock',
    verb: 'invoke',
    resourceType: 'inference-profile',
    doc: "invoke a model through a cross-Region inference profile: the profile and the model in each Region of the profile's geography",
    target: profile,
    parts: [
      { actions: INVOKE, on: itself },
      {
        actions: INVOKE,
        on: profileModels,
        conditions: throughProfile,
        why: 'the model the profile names, in each Region of the geography its id begins with, and only for calls that come through the profile',
      },
    ],
    note: `${CONVERSE}; the model is named in every Region of the geography (some profiles route to fewer), only for calls through the profile (\`bedrock:InferenceProfileArn\`): calling the model directly is \`invoke bedrock model\``,
  },
  {
    id: 'bedrock.invoke.model',
    service: 'bedrock',
    verb: 'invoke',
    resourceType: 'model',
    doc: 'invoke a foundation model in the region in force (streaming or not)',
    target: model,
    parts: [{ actions: INVOKE, on: itself }],
    note: CONVERSE,
  },
];
