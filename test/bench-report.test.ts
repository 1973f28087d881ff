import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { report } = require('../bench/report.js') as { report: (results: unknown) => string };

const root = path.resolve(__dirname, '..');

test('the README quotes the committed benchmark results, figure for figure', () => {
  const results = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results.json'), 'utf8'));
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const expected = report(results);
  const start = readme.indexOf(expected.split('\n')[0].slice(0, 'Run on '.length + 10));
  expect(start).toBeGreaterThan(-1);
  expect(readme.slice(start, start + expected.length)).toBe(expected);
});
