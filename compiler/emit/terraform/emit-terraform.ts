/**
 * The Terraform target (OUT/terraform/): a module with one file per concern, only those with
 * content. No provider blocks: the caller passes the default provider (the organisation's
 * management or delegated administrator account) and one alias per account that holds roles.
 */
import type { CompiledProgram } from '../../ir/policy.js';
import { formatHcl } from './format-hcl.js';
import { renderTemplate, type TemplateFile } from './templates.js';
import { terraformView } from './view-model.js';

export function emitTerraform(program: CompiledProgram): Map<string, string> {
  const view = terraformView(program);
  const wanted: [TemplateFile, boolean][] = [
    ['versions.tf', true],
    ['roles.tf', view.roles.length > 0],
    ['policies.tf', view.policies.length > 0],
    ['oidc.tf', view.oidcProviders.length > 0],
    ['boundaries.tf', view.boundaries.length > 0],
    ['scp.tf', view.scps.length > 0],
    ['identity-center.tf', view.permissionSets.length > 0],
    ['analyzer.tf', view.analyzers.length > 0],
    ['outputs.tf', view.roles.length > 0],
  ];
  const files = new Map<string, string>();
  for (const [file, present] of wanted) {
    if (present) files.set(file, formatHcl(renderTemplate(file, file === 'versions.tf' ? view.versions : file === 'outputs.tf' ? view.outputs : view)));
  }
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
