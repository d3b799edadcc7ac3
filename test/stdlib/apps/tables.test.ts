/**
 * The apps group's tables read directly, where a compile test cannot reach yet or cannot see: a
 * pattern option's effect on the resources, the Regions an inference profile names, and the
 * targetless patterns' parts (each on `*` with its reason, covering the SAM template it replaces).
 */
import { describe, expect, it } from 'vitest';
import { arnMatchesResourceType, lookupAction } from '../../../compiler/catalogue/catalogue.js';
import { PATTERNS } from '../../../stdlib/index.js';
import { patternActions, type Pattern } from '../../../stdlib/pattern.js';
import { CTX } from '../samples.js';

function pattern(id: string): Pattern {
  const p = PATTERNS.find((x) => x.id === id);
  if (!p) throw new Error(`no pattern ${id}`);
  return p;
}

function resources(id: string, name: string, options?: Record<string, string>): string[] {
  const p = pattern(id);
  const built = p.target.build(name, CTX);
  if ('error' in built) throw new Error(built.error);
  return p.parts.flatMap((part) => part.on({ ...built, ...(options ? { options } : {}) }));
}

describe('send ses identity … configuration-set', () => {
  const ses = pattern('ses.send.identity');
  it('names the configuration set beside the identity when one is written (SES checks both)', () => {
    expect([...new Set(resources('ses.send.identity', 'example.com', { 'configuration-set': 'marketing' }))]).toEqual([
      'arn:aws:ses:eu-west-1:123456789012:identity/example.com',
      'arn:aws:ses:eu-west-1:123456789012:configuration-set/marketing',
    ]);
  });
  it('names the identity alone when none is written', () => {
    expect([...new Set(resources('ses.send.identity', 'example.com'))]).toEqual(['arn:aws:ses:eu-west-1:123456789012:identity/example.com']);
  });
  it('refuses a configuration set name SES would refuse', () => {
    const check = ses.options?.['configuration-set']?.check;
    expect(check?.('marketing')).toBeUndefined();
    expect(check?.('a/b')).toMatch(/configuration set names/);
    expect(check?.('x'.repeat(65))).toMatch(/configuration set names/);
  });
});

describe('send ses identity … template', () => {
  const ses = pattern('ses.send.identity');
  const built = ses.target.build('example.com', CTX);
  const parts = (options?: Record<string, string>) =>
    ses.parts.map((part) => ({ actions: [...part.actions], on: 'arn' in built ? [...part.on({ ...built, ...(options ? { options } : {}) })] : [] }));
  const identity = 'arn:aws:ses:eu-west-1:123456789012:identity/example.com';
  const template = 'arn:aws:ses:eu-west-1:123456789012:template/welcome';
  const set = 'arn:aws:ses:eu-west-1:123456789012:configuration-set/marketing';

  it('grants no templated or bulk send without a template (those calls name one)', () => {
    expect(parts().filter((p) => p.on.length > 0).flatMap((p) => p.actions)).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
  });
  it('with a template, the templated and bulk sends name the identity, the template and the set; a raw send never names the template', () => {
    const withAll = parts({ template: 'welcome', 'configuration-set': 'marketing' });
    expect(withAll).toEqual([
      { actions: ['ses:SendEmail'], on: [identity, set, template] },
      { actions: ['ses:SendRawEmail'], on: [identity, set] },
      { actions: ['ses:SendBulkEmail', 'ses:SendBulkTemplatedEmail', 'ses:SendTemplatedEmail'], on: [identity, set, template] },
    ]);
  });
  it('names only resources each action accepts (no dead grant)', () => {
    for (const part of parts({ template: 'welcome', 'configuration-set': 'marketing' })) {
      for (const name of part.actions) {
        const action = lookupAction(name)!;
        for (const arn of part.on) expect(action.resourceTypes.some((rt) => arnMatchesResourceType(arn, 'ses', rt.name)), `${name} on ${arn}`).toBe(true);
      }
    }
  });
  it('refuses a template name SES would refuse', () => {
    expect(ses.options?.['template']?.check?.('welcome')).toBeUndefined();
    expect(ses.options?.['template']?.check?.('wel come')).toMatch(/template names/);
  });
});

describe('invoke bedrock inference-profile', () => {
  it('names the model in every Region of the geography and in no other Region', () => {
    const arns = resources('bedrock.invoke.inference-profile', 'us.anthropic.claude-3-haiku-20240307-v1:0');
    expect(arns[0]).toBe('arn:aws:bedrock:eu-west-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0');
    const regions = arns.slice(1).map((a) => a.split(':')[3]);
    expect(regions).toEqual(['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']);
    for (const a of arns.slice(1)) expect(a).toMatch(/^arn:aws:bedrock:[a-z0-9-]+::foundation-model\/anthropic\.claude-3-haiku-20240307-v1:0$/);
  });
  it('never writes a Region wildcard into a model ARN', () => {
    for (const name of ['us.amazon.nova-lite-v1:0', 'eu.amazon.nova-lite-v1:0', 'apac.amazon.nova-lite-v1:0']) {
      for (const a of resources('bedrock.invoke.inference-profile', name)) expect(a.split(':')[3]).not.toMatch(/[*?]/);
    }
  });
});

/**
 * Actions of the SAM policy templates each targetless pattern replaces, from
 * samtranslator/policy_templates_data/policy_templates.json (aws/serverless-application-model).
 */
const SAM: Record<string, readonly string[]> = {
  'rekognition.detect.images': ['rekognition:DetectFaces', 'rekognition:DetectLabels', 'rekognition:DetectModerationLabels', 'rekognition:DetectText', 'rekognition:CompareFaces'],
  'textract.analyze.documents': [
    'textract:DetectDocumentText',
    'textract:StartDocumentTextDetection',
    'textract:StartDocumentAnalysis',
    'textract:AnalyzeDocument',
    'textract:GetDocumentTextDetection',
    'textract:GetDocumentAnalysis',
  ],
  'comprehend.detect.text': [
    'comprehend:BatchDetectKeyPhrases',
    'comprehend:DetectDominantLanguage',
    'comprehend:DetectEntities',
    'comprehend:BatchDetectEntities',
    'comprehend:DetectKeyPhrases',
    'comprehend:DetectSentiment',
    'comprehend:BatchDetectDominantLanguage',
    'comprehend:BatchDetectSentiment',
  ],
  'polly.synthesize.speech': ['polly:SynthesizeSpeech', 'polly:DescribeVoices'],
  'mobileanalytics.write.events': ['mobileanalytics:PutEvents'],
  'ce.read.costs': ['ce:GetCostAndUsage', 'ce:GetDimensionValues', 'ce:GetReservationCoverage', 'ce:GetReservationPurchaseRecommendation', 'ce:GetReservationUtilization', 'ce:GetTags'],
};

describe('targetless apps patterns', () => {
  for (const [id, sam] of Object.entries(SAM)) {
    const p = pattern(id);
    it(`${id} takes no target and puts each part on \`*\` with a reason`, () => {
      expect(p.target.form).toBe('none');
      for (const part of p.parts) {
        expect(part.on({ arn: '*' })).toEqual(['*']);
        expect(part.why ?? '').not.toBe('');
      }
    });
    it(`${id} allows every call of the SAM template it replaces`, () => {
      expect(patternActions(p)).toEqual(expect.arrayContaining([...sam]));
    });
  }
  it('a targetless `read` pattern reads only (access level Read or List)', () => {
    for (const action of patternActions(pattern('ce.read.costs'))) expect(['Read', 'List']).toContain(lookupAction(action)?.accessLevel);
  });
});
