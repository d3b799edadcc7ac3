/**
 * Writes `schema/iamc.schema.json` from the YAML form's shape table. Run from the repository root:
 *   npx tsc --outDir .gen --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck scripts/gen-schema.ts
 *   node .gen/scripts/gen-schema.js && rm -rf .gen
 * (or `IAMC_WRITE_SCHEMA=1 npx vitest run test/syntax/yaml/json-schema.test.ts`).
 */
import { writeFileSync } from 'node:fs';
import { yamlJsonSchemaText } from '../compiler/syntax/yaml/json-schema.js';

export const SCHEMA_PATH = 'schema/iamc.schema.json';

export function writeSchema(path: string = SCHEMA_PATH): void {
  writeFileSync(path, yamlJsonSchemaText());
}

if (process.argv[1]?.endsWith('gen-schema.js')) writeSchema(process.argv[2]);
