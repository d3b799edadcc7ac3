/**
 * A small JSON Schema (draft-07) checker for exactly the keywords `yamlJsonSchema()` emits, so tests
 * can hold YAML documents against the generated schema without another dependency. It throws on a
 * keyword it does not know, so the schema cannot grow a keyword this checker silently ignores.
 */
type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'definitions']);
const KNOWN = new Set([
  ...ANNOTATIONS, '$ref', 'allOf', 'anyOf', 'oneOf', 'not', 'type', 'enum', 'properties', 'patternProperties',
  'additionalProperties', 'required', 'items', 'minItems', 'propertyNames', 'pattern',
]);

/** Paths (JSON-pointer-like) where `value` breaks `schema`; empty when it conforms. */
export function schemaErrors(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, root, value, '$', errors);
  return errors;
}

function check(root: Schema, schema: Schema, value: unknown, path: string, errors: string[]): void {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`schema keyword \`${key}\` is not supported by the test checker`);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/definitions\//, '');
    const target = (root.definitions as Record<string, Schema>)[name];
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    check(root, target, value, path, errors);
    return; // draft-07: siblings of $ref are ignored
  }
  const passes = (s: Schema) => {
    const sub: string[] = [];
    check(root, s, value, path, sub);
    return sub.length === 0;
  };
  if (schema.allOf) for (const s of schema.allOf as Schema[]) check(root, s, value, path, errors);
  if (schema.anyOf && !(schema.anyOf as Schema[]).some(passes)) errors.push(`${path}: matches none of anyOf`);
  if (schema.oneOf) {
    const n = (schema.oneOf as Schema[]).filter(passes).length;
    if (n !== 1) errors.push(`${path}: matches ${n} of oneOf`);
  }
  if (schema.not && passes(schema.not as Schema)) errors.push(`${path}: matches not`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.includes(typeOf(value))) {
      errors.push(`${path}: expected ${types.join('|')}, got ${typeOf(value)}`);
      return;
    }
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${path}: not in enum`);
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items) value.forEach((v, i) => check(root, schema.items as Schema, v, `${path}[${i}]`, errors));
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    const patterns = Object.entries((schema.patternProperties ?? {}) as Record<string, Schema>).map(([p, s]) => [new RegExp(p, 'u'), s] as const);
    for (const key of (schema.required ?? []) as string[]) if (!Object.hasOwn(obj, key)) errors.push(`${path}: missing ${key}`);
    for (const [key, v] of Object.entries(obj)) {
      const at = `${path}.${key}`;
      if (schema.propertyNames) check(root, schema.propertyNames as Schema, key, `${at}(name)`, errors);
      let matched = false;
      if (Object.hasOwn(props, key)) {
        matched = true;
        check(root, props[key]!, v, at, errors);
      }
      for (const [re, s] of patterns) {
        if (re.test(key)) {
          matched = true;
          check(root, s, v, at, errors);
        }
      }
      if (!matched && schema.additionalProperties !== undefined) {
        if (schema.additionalProperties === false) errors.push(`${at}: not allowed`);
        else if (schema.additionalProperties !== true) check(root, schema.additionalProperties as Schema, v, at, errors);
      }
    }
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
