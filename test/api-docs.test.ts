import * as fs from 'fs';
import * as path from 'path';

// The public API as jsii sees it (the .jsii assembly written by `npm run build`, which CI runs first).
const assemblyFile = path.join(__dirname, '..', '.jsii');
const assembly = fs.existsSync(assemblyFile) ? JSON.parse(fs.readFileSync(assemblyFile, 'utf8')) : undefined;

(assembly ? describe : describe.skip)('public API docs', () => {
  const types = Object.entries<any>(assembly?.types ?? {});

  test('every public type and member has a doc comment', () => {
    const missing: string[] = [];
    for (const [fqn, type] of types) {
      if (!type.docs?.summary) missing.push(fqn);
      for (const member of [...(type.properties ?? []), ...(type.methods ?? []), ...(type.members ?? [])]) {
        if (!member.docs?.summary) missing.push(`${fqn}.${member.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('every optional prop says what happens by default', () => {
    const missing = types.flatMap(([fqn, type]) => (type.datatype ? type.properties ?? [] : [])
      .filter((p: any) => p.optional && !p.docs?.default)
      .map((p: any) => `${fqn}.${p.name}`));
    expect(missing).toEqual([]);
  });
});
