import { regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

/** An identity (address or domain) and a template name are flat strings: neither holds `/`. */
const identity = regional('ses', 'identity', 'identity/', 'verified identity: an address or a domain, e.g. `example.com`', {
  pattern: /^[A-Za-z0-9._%+@*?-]{1,320}$/,
  message: 'an identity is an email address or a domain name',
}, 'flat');

const template = regional('ses', 'template', 'template/', 'email template name', {
  pattern: /^[A-Za-z0-9_*?-]{1,64}$/,
  message: 'template names are up to 64 letters, digits, `-` and `_`',
}, 'flat');

const CONFIGURATION_SET = /^[A-Za-z0-9_-]{1,64}$/;
const TEMPLATE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** `…:identity/NAME` → `…:TYPE/VALUE` in the same account and Region. */
const sibling = (t: TargetArn, type: string, value: string): string => `${t.arn.slice(0, t.arn.indexOf(':identity/'))}:${type}/${value}`;

/**
 * The identity, and the configuration set when one is named: SES authorises a send against both the
 * sending identity and the configuration set the message uses (Service Authorization Reference,
 * SendEmail and SendRawEmail list `configuration-set` beside `identity`).
 */
const identityAndSet = (t: TargetArn): string[] => {
  const set = t.options?.['configuration-set'];
  return set === undefined ? [t.arn] : [t.arn, sibling(t, 'configuration-set', set)];
};

/** SendEmail also names the template when the message is built from one (SES v2). */
const withTemplate = (t: TargetArn): readonly string[] => {
  const template = t.options?.['template'];
  return template === undefined ? identityAndSet(t) : [...identityAndSet(t), sibling(t, 'template', template)];
};

/** The templated sends need a template: without the `template` clause this part names nothing. */
const templated = (t: TargetArn): readonly string[] => (t.options?.['template'] === undefined ? [] : withTemplate(t));

const itself = (t: TargetArn): readonly string[] => [t.arn];

const V2_TEMPLATES = 'the SES v2 template actions, which name the template; the v1 actions (CreateTemplate …) are accepted only on `*` and are left out';

export const sesPatterns: readonly Pattern[] = [
  {
    id: 'ses.delete.template',
    service: 'ses',
    verb: 'delete',
    resourceType: 'template',
    doc: 'delete an SES email template',
    target: template,
    parts: [{ actions: ['ses:DeleteEmailTemplate'], on: itself }],
    note: V2_TEMPLATES,
  },
  {
    id: 'ses.read.template',
    service: 'ses',
    verb: 'read',
    resourceType: 'template',
    doc: 'read an SES email template',
    target: template,
    parts: [{ actions: ['ses:GetEmailTemplate'], on: itself }],
    note: V2_TEMPLATES,
  },
  {
    id: 'ses.send.identity',
    service: 'ses',
    verb: 'send',
    resourceType: 'identity',
    doc: 'send email (formatted or raw) from a verified identity, optionally through one configuration set and from one template',
    target: identity,
    options: {
      'configuration-set': {
        hint: 'configuration set name',
        check: (v) => (CONFIGURATION_SET.test(v) ? undefined : 'configuration set names are up to 64 letters, digits, `-` and `_`'),
      },
      template: {
        hint: 'email template name',
        check: (v) => (TEMPLATE_NAME.test(v) ? undefined : 'template names are up to 64 letters, digits, `-` and `_`'),
      },
    },
    parts: [
      { actions: ['ses:SendEmail'], on: withTemplate },
      { actions: ['ses:SendRawEmail'], on: identityAndSet },
      { actions: ['ses:SendBulkEmail', 'ses:SendBulkTemplatedEmail', 'ses:SendTemplatedEmail'], on: templated },
    ],
    note: 'SES v1 and v2 share these action names; a message sent through a configuration set or from a template the grant does not name is refused; templated and bulk sends come with `template NAME`',
  },
  {
    id: 'ses.write.template',
    service: 'ses',
    verb: 'write',
    resourceType: 'template',
    doc: 'create and update an SES email template, and render it with test data',
    target: template,
    parts: [{ actions: ['ses:CreateEmailTemplate', 'ses:TestRenderEmailTemplate', 'ses:UpdateEmailTemplate'], on: itself }],
    note: V2_TEMPLATES,
  },
];
