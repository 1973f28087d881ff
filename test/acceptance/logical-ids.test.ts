import * as fs from 'fs';
import * as path from 'path';
import { synthesizeAllExamples } from './example-synth';

const GOLDEN = path.join(__dirname, '..', 'golden', 'logical-ids.json');

/** Every resource and data source address of every example stack, sorted. */
function addresses(): { [stack: string]: string[] } {
  const { files } = synthesizeAllExamples();
  const result: { [stack: string]: string[] } = {};
  for (const [stack, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const json = JSON.parse(text);
    const list: string[] = [];
    for (const [type, byId] of Object.entries(json.resource ?? {})) for (const id of Object.keys(byId as object)) list.push(`${type}.${id}`);
    for (const [type, byId] of Object.entries(json.data ?? {})) for (const id of Object.keys(byId as object)) list.push(`data.${type}.${id}`);
    result[stack] = list.sort();
  }
  return result;
}

test('resource addresses of every example are frozen', () => {
  const actual = addresses();
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
  const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8'));
  const changed = Object.keys({ ...golden, ...actual }).flatMap((stack) => {
    const before = new Set<string>(golden[stack] ?? []);
    const after = new Set<string>(actual[stack] ?? []);
    return [
      ...[...before].filter((a) => !after.has(a)).map((a) => `  - ${stack}: ${a} (gone)`),
      ...[...after].filter((a) => !before.has(a)).map((a) => `  + ${stack}: ${a} (new)`),
    ];
  });
  if (changed.length) {
    throw new Error('Terraform resource addresses changed:\n' + changed.join('\n') + '\n\n'
      + 'A changed address makes Terraform destroy and recreate the resource: an identity gets new IDs and every workload using it '
      + 'loses access. If the change is intended, it needs a major version and a migration note with Terraform `moved` blocks '
      + '(from the old address to the new one); then refresh test/golden/logical-ids.json with `UPDATE_GOLDEN=1 npm test`. '
      + 'New addresses alone (a new example or resource) only need the refresh.');
  }
});
