/**
 * The JSON Schema (draft-07) of the YAML form, generated from `shape.ts`, the same table the reader
 * checks against. `schema/iamc.schema.json` is this function's output; a test fails when the
 * checked-in file is stale (`scripts/gen-schema.ts` rewrites it).
 *
 * The reader is stricter than the schema in two places a schema cannot say simply: a grant item
 * holds exactly one `VERB SERVICE RESOURCE-TYPE` key (the schema asks for at least one), and values
 * are checked for meaning later by `resolve` (the schema only knows their shape).
 */
import { GRANT_KEY_PATTERN, MAPPINGS, UNIONS, type MappingName, type MappingShape, type UnionName, type ValueShape } from './shape.js';

type Schema = Record<string, unknown>;

export function yamlJsonSchema(): object {
  const definitions: Record<string, Schema> = {};
  for (const [name, shape] of Object.entries(MAPPINGS)) definitions[name] = mappingSchema(shape);
  for (const [name, union] of Object.entries(UNIONS)) {
    const shapes = [...new Set(union.variants.map((v) => v.shape))];
    const plain = union.plain === undefined ? [] : [{ type: 'string', pattern: GRANT_KEY_PATTERN, description: union.plain.doc }];
    definitions[unionRef(name as UnionName)] = { description: union.doc, oneOf: [...shapes.map((s) => ref(s)), ...plain] };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'iamc intent file (YAML form)',
    description: MAPPINGS.program.doc,
    allOf: [ref('program')],
    definitions,
  };
}

/** The schema as the checked-in file holds it: two-space JSON and a final newline. */
export function yamlJsonSchemaText(): string {
  return `${JSON.stringify(yamlJsonSchema(), null, 2)}\n`;
}

function mappingSchema(shape: MappingShape): Schema {
  const properties: Record<string, Schema> = {};
  for (const [key, spec] of Object.entries(shape.keys)) properties[key] = { description: spec.doc, ...valueSchema(spec.value) };
  for (const [key, hint] of Object.entries(shape.optionKeys ?? {})) properties[key] = { description: `A pattern option: the ${hint}.`, ...WORD };
  const required = Object.entries(shape.keys).filter(([, spec]) => spec.required).map(([key]) => key);
  const schema: Schema = { type: 'object', description: shape.doc, properties };
  if (shape.grantKey) {
    schema.patternProperties = { [GRANT_KEY_PATTERN]: { description: shape.grantKey.doc, ...valueSchema(shape.grantKey.value) } };
    if (shape.optionKeys) {
      // Any other one-word key is a pattern option, as the reader takes it (resolve checks the word).
      const known = Object.keys(shape.keys).map((k) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
      schema.patternProperties = { ...(schema.patternProperties as Schema), [`^(?!(?:${known})$)[^\\s]+$`]: { description: 'A pattern option (`iamc stdlib` lists each pattern\'s).', ...WORD } };
    }
    // Some key is the grant key `VERB SERVICE RESOURCE-TYPE`.
    schema.not = { propertyNames: { not: { pattern: GRANT_KEY_PATTERN } } };
  }
  schema.additionalProperties = false;
  if (required.length > 0) schema.required = required;
  if (shape.exactlyOne) schema.oneOf = shape.exactlyOne.map((key) => ({ required: [key] }));
  if (shape.atLeastOne) schema.anyOf = shape.atLeastOne.map((key) => ({ required: [key] }));
  return schema;
}

const WORD: Schema = { type: ['string', 'number'] };

function valueSchema(value: ValueShape): Schema {
  switch (value.type) {
    case 'word':
      return { ...WORD };
    case 'flag':
      return { type: 'boolean' };
    case 'words':
      return { anyOf: [{ ...WORD }, { type: 'array', items: { ...WORD }, ...(value.nonEmpty ? { minItems: 1 } : {}) }] };
    case 'enum':
      return { enum: [...value.values] };
    case 'mapping':
      return ref(value.shape);
    case 'list': {
      const list = { type: 'array', items: valueSchema(value.of) };
      return value.single ? { anyOf: [valueSchema(value.of), list] } : list;
    }
    case 'names':
      return { type: 'object', additionalProperties: valueSchema(value.of) };
    case 'either':
      return { anyOf: value.of.map((v) => valueSchema(v)) };
    case 'union':
      return { $ref: `#/definitions/${unionRef(value.union)}` };
    case 'empty':
      return { type: 'null' };
  }
}

function ref(name: MappingName): Schema {
  return { $ref: `#/definitions/${name}` };
}

function unionRef(name: UnionName): string {
  return `${name}-union`;
}
