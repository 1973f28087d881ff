import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/generate-graph-catalog.js');

const root = path.resolve(__dirname, '..', '..');
const dataDir = process.env.GRAPH_DATA_DIR ?? path.resolve(root, '..', 'shared', 'data', 'graph');

// The CSV exports live beside the repository (shared/data/graph), not in the package: the library
// only ever reads the generated catalog. Without them there is nothing to compare against.
(fs.existsSync(dataDir) ? test : test.skip)('the generator reproduces the committed catalog byte for byte', () => {
  const committed = fs.readFileSync(generator.OUTPUT, 'utf8');
  expect(generator.render(dataDir)).toBe(committed);
});

test('the CSV parser handles quotes, commas and newlines inside fields', () => {
  expect(generator.parseCsv('"Id","Value"\r\n"1","a, ""b""\nc"\n"2",d\n')).toEqual([
    { Id: '1', Value: 'a, "b"\nc' },
    { Id: '2', Value: 'd' },
  ]);
});
