// Compile-time benchmark: generated programs of growing size, compiled in-process from the built
// compiler (dist/). Prints a Markdown table for docs/performance.md. Run: `npm run bench`.
import { compileSources } from '../dist/compiler/pipeline.js';
import os from 'node:os';

const GRANTS = [
  (i) => `      - consume sqs queue: queue-${i}`,
  (i) => `      - write dynamodb table: Table${i}`,
  (i) => `      - read s3 objects: "bucket-${i}/reports/*"`,
  (i) => `      - decrypt kms key: 1234abcd-12ab-34cd-56ef-${String(i).padStart(12, "0")}`,
  (i) => `      - read secretsmanager secret: app/${i}/db`,
  (i) => `      - read ssm parameter: /app/${i}/*`,
  (i) => `      - publish sns topic: topic-${i}`,
  (i) => `      - pull ecr repository: repo-${i}`,
];

function program(roles, files) {
  const sources = [{ path: 'accounts.iam.yaml', text: 'accounts: { prod: "123456789012" }\nregion: eu-west-1\n' }];
  const perFile = Math.ceil(roles / files);
  for (let f = 0; f < files; f++) {
    const lines = ['roles:'];
    for (let r = f * perFile; r < Math.min(roles, (f + 1) * perFile); r++) {
      lines.push(`  role-${r}:`, r % 2 ? '    for: ecs-task' : `    for: { lambda: "fn-${r}" }`, '    in: prod', '    grants:');
      for (const g of GRANTS) lines.push(g(r));
    }
    sources.push({ path: `roles-${String(f).padStart(4, '0')}.iam.yaml`, text: `${lines.join('\n')}\n` });
  }
  return sources;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const rows = [];
for (const roles of [10, 100, 1000]) {
  const sources = program(roles, Math.max(1, roles / 10));
  const bytes = sources.reduce((n, s) => n + s.text.length, 0);
  compileSources(sources); // warm-up
  const times = [];
  let files = 0;
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    const result = compileSources(sources);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.diagnostics.some((d) => d.severity === 'error')) throw new Error(result.diagnostics[0].message);
    files = result.files.size;
  }
  rows.push(`| ${roles} | ${roles * GRANTS.length} | ${sources.length} | ${(bytes / 1024).toFixed(0)} KiB | ${files} | ${median(times).toFixed(0)} ms | ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB |`);
}
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log('| roles | grants | files | input | output files | compile (median of 5) | peak RSS |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
