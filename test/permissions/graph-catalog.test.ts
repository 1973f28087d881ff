import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/generate-graph-catalog.js');

const fixtures = path.resolve(__dirname, '..', 'fixtures');
const body = (catalog: string) => catalog.slice(catalog.indexOf('/** Microsoft Graph application permissions'));

test('the CSV export gives sorted names with lower-case IDs and the first-party app IDs', () => {
  const catalog = generator.render(path.join(fixtures, 'graph-csv'));
  expect(catalog).toContain("  'Group.Read.All 5b567255-7703-4780-807c-7be8301ae99b',\n  'User.Read.All df021288-bdef-4463-88db-98f22de89214',\n];");
  expect(catalog).toContain("export const GRAPH_DELEGATED_SCOPES: readonly string[] = [\n  'User.Read e1fe6dd8-ba31-4d61-89e7-88639da4683d',\n];");
  expect(catalog).toContain("  AZURE_DEVOPS: '499b84ac-1321-427f-aa17-267ca6975798',");
  expect(catalog).toContain('merill/microsoft-info');
});

test('the JSON of `az ad sp show` gives the same catalog as the CSV export of the same permissions', () => {
  const fromJson = generator.render(path.join(fixtures, 'graph-sp.json'));
  expect(body(fromJson)).toBe(body(generator.render(path.join(fixtures, 'graph-csv'))));
  expect(fromJson).toContain('az ad sp show --id 00000003-0000-0000-c000-000000000000');
});

test('a service principal other than Microsoft Graph is refused', () => {
  const other = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'graph-')), 'sp.json');
  fs.writeFileSync(other, JSON.stringify({ appId: '499b84ac-1321-427f-aa17-267ca6975798', appRoles: [] }));
  expect(() => generator.render(other)).toThrow('expected the Microsoft Graph service principal');
});

test('the CSV parser handles quotes, commas and newlines inside fields', () => {
  expect(generator.parseCsv('"Id","Value"\r\n"1","a, ""b""\nc"\n"2",d\n')).toEqual([
    { Id: '1', Value: 'a, "b"\nc' },
    { Id: '2', Value: 'd' },
  ]);
});

// The full export is not part of the repository; point GRAPH_DATA at it (a CSV folder or the
// service principal's JSON) to check that the committed catalog is exactly what it generates.
const data = process.env.GRAPH_DATA;
(data ? test : test.skip)('the committed catalog is what GRAPH_DATA generates, byte for byte', () => {
  expect(generator.render(path.resolve(data!))).toBe(fs.readFileSync(generator.OUTPUT, 'utf8'));
});
