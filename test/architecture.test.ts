import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|require\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const everyFile = ['src', 'test', 'examples', 'scripts', 'bench'].flatMap(sourceFiles);

test('no file imports a whole prebuilt provider (its index costs ~1.2 s per process)', () => {
  const offenders = everyFile.flatMap((file) => importsOf(file)
    .filter((spec) => /^@cdktf\/provider-[a-z0-9-]+$/.test(spec))
    .map((spec) => `${file}: '${spec}' (use a deep path such as '${spec}/lib/provider')`));
  expect(offenders).toEqual([]);
});

// The folder arrows of DESIGN.md: a folder may import only the folders listed for it.
// principals may reach federation and permissions only for their one-line convenience methods
// (addFederatedCredential, grantGraphAppRoles), which delegate to the constructs there.
const allowed: { [folder: string]: string[] } = {
  private: [],
  principals: ['private', 'federation', 'permissions'],
  federation: ['private', 'principals'],
  permissions: ['private', 'principals'],
  providers: ['private', 'principals'],
  workloads: ['private', 'principals', 'federation', 'permissions', 'providers'],
  review: ['private', 'principals', 'federation', 'permissions', 'providers', 'workloads'],
};

test('src folders import only what the layering allows', () => {
  const offenders = sourceFiles('src').flatMap((file) => {
    const folder = path.relative('src', file).split(path.sep)[0];
    if (!(folder in allowed)) return [];
    return importsOf(file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => path.relative('src', path.join(path.dirname(file), spec)).split(path.sep)[0])
      .filter((target) => target !== folder && !allowed[folder].includes(target))
      .map((target) => `${file} imports ${target}/`);
  });
  expect(offenders).toEqual([]);
});
