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

/** Folder-level import graph of src/, type imports included. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles('src')) {
    const folder = path.relative('src', file).split(path.sep)[0];
    if (folder.endsWith('.ts')) continue;
    const targets = graph.get(folder) ?? new Set<string>();
    graph.set(folder, targets);
    for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
      const target = path.relative('src', path.join(path.dirname(file), spec)).split(path.sep)[0];
      if (target !== folder) targets.add(target);
    }
  }
  return graph;
}

/** Every cycle through the graph, as "a -> b -> a". */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const walk = (node: string, trail: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (next === trail[0]) found.push([...trail, next].join(' -> '));
      else if (!trail.includes(next) && next > trail[0]) walk(next, [...trail, next]);
    }
  };
  for (const start of graph.keys()) walk(start, [start]);
  return found;
}

test('the cycle finder finds a cycle', () => {
  expect(cycles(new Map([['a', new Set(['b'])], ['b', new Set(['a'])]]))).toEqual(['a -> b -> a']);
});

test('no folder of src/ imports, even for types, a folder that imports it back', () => {
  expect(cycles(folderGraph())).toEqual([]);
});

// The arrows of docs/DESIGN.md: core/ is the leaf vocabulary (principal interfaces, the error
// type); the rest may import only the folders listed.
const allowed: { [folder: string]: string[] } = {
  // The own azurerm and azuread bindings of the cdktn package: framework types only.
  bindings: [],
  core: [],
  private: ['core'],
  federation: ['core', 'private'],
  permissions: ['core', 'private'],
  providers: ['core', 'private'],
  'least-privilege': ['core', 'private', 'permissions'],
  principals: ['core', 'private', 'federation', 'permissions', 'least-privilege'],
  runners: ['core', 'private', 'federation', 'providers'],
  workloads: ['core', 'private', 'principals', 'federation', 'permissions', 'providers', 'least-privilege', 'runners'],
  // The pipeline side builds on identities and workloads; the report reads the facts it records, not its classes.
  pipelines: ['core', 'private', 'principals', 'federation', 'permissions', 'providers', 'workloads', 'least-privilege', 'runners'],
  review: ['core', 'private', 'principals', 'federation', 'permissions', 'providers', 'workloads', 'least-privilege', 'runners'],
};

test('src folders import only what the layering allows', () => {
  const offenders = [...folderGraph()].flatMap(([folder, targets]) => [...targets]
    .filter((target) => !(allowed[folder] ?? []).includes(target))
    .map((target) => `${folder}/ imports ${target}/`));
  expect(offenders).toEqual([]);
});

/** `src/` lines that break the house rules on app-wide state and framework APIs, each as "file:line: text". */
function houseViolations(files: { [file: string]: string }): string[] {
  return Object.entries(files).flatMap(([file, text]) => text.split('\n').flatMap((line, i) => {
    const internal = /['"](cdktf|cdktn)\/lib\//.test(line);
    // Mutable collections at module scope hold state invisible in the tree and not shared by a second
    // copy of the library; constants (UPPER_CASE names) are fine.
    const moduleState = /^(?:export\s+)?(?:const|let|var)\s+(?![A-Z0-9_]+\b)\w+.*=\s*new\s+(?:Weak)?(?:Map|Set)\b/.test(line);
    return internal || moduleState ? [`${file}:${i + 1}: ${line.trim()}`] : [];
  }));
}

test('the house check finds internal imports and module-level state, and lets constants and locals be', () => {
  expect(houseViolations({
    'a.ts': [
      "import { resolve } from 'cdktf/lib/_tokens';",
      "import 'cdktn/lib/testing/adapters/jest';",
      'const seen = new WeakSet<IConstruct>();',
      'export let cache = new Map<string, string>();',
      'const TIER_0 = new Set([\'a\']);',
      '  const local = new WeakMap();',
    ].join('\n'),
  })).toEqual([
    "a.ts:1: import { resolve } from 'cdktf/lib/_tokens';",
    "a.ts:2: import 'cdktn/lib/testing/adapters/jest';",
    'a.ts:3: const seen = new WeakSet<IConstruct>();',
    'a.ts:4: export let cache = new Map<string, string>();',
  ]);
});

test('src/ uses only public framework APIs and keeps app-wide state in the root construct, not at module scope', () => {
  const files = Object.fromEntries(sourceFiles('src').map((file) => [file, fs.readFileSync(path.join(root, file), 'utf8')]));
  expect(houseViolations(files)).toEqual([]);
});
