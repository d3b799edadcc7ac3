/**
 * The `.hbs` layouts of each Terraform file, compiled once. Handlebars runs in its own instance
 * with HTML escaping off: values arrive as finished, HCL-escaped expressions from the view model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export const TEMPLATE_FILES = ['versions.tf', 'roles.tf', 'policies.tf', 'oidc.tf', 'boundaries.tf', 'scp.tf', 'identity-center.tf', 'analyzer.tf', 'outputs.tf'] as const;
export type TemplateFile = (typeof TEMPLATE_FILES)[number];

const handlebars = Handlebars.create();
const compiled = new Map<TemplateFile, HandlebarsTemplateDelegate>();

/**
 * The templates sit beside this module in the source tree. `tsc` does not copy them into dist/,
 * so a built module looks for them under the package's own source folder as well.
 */
function templateDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'templates'), join(here, '..', '..', '..', '..', 'compiler', 'emit', 'terraform', 'templates')];
  const found = candidates.find((dir) => existsSync(join(dir, 'versions.tf.hbs')));
  // Missing templates mean a broken install, not a user error.
  if (!found) throw new Error(`cannot find the Terraform templates (looked in ${candidates.join(', ')})`);
  return found;
}

export function renderTemplate(file: TemplateFile, view: object): string {
  let template = compiled.get(file);
  if (!template) {
    template = handlebars.compile(readFileSync(join(templateDir(), `${file}.hbs`), 'utf8'), { noEscape: true });
    compiled.set(file, template);
  }
  return template(view);
}
