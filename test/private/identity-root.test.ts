import * as fs from 'fs';
import * as path from 'path';
import * as cdktf from 'cdktf';
import * as constructs from 'constructs';
import { App, TerraformStack, Testing } from 'cdktf';
import * as library from '../../src';
import { addProviders, thrownBy } from '../util';

/**
 * A second copy of the library, as npm installs one when two packages depend on different versions:
 * its own classes and module state, the same framework.
 */
function secondCopy(): typeof library {
  let copy: typeof library | undefined;
  jest.isolateModules(() => {
    jest.doMock('cdktf', () => cdktf);
    jest.doMock('constructs', () => constructs);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second, isolated load is the point
    copy = require('../../src');
  });
  return copy!;
}

const other = secondCopy();

/** Stack `one` is built with this copy, stack `two` with the other; each warns once. */
function appOfTwoCopies(app: App = Testing.app()): App {
  const one = new TerraformStack(app, 'one');
  addProviders(one);
  const first = new library.AppRegistration(one, 'Ci', { displayName: 'ci-one' });
  first.addFederatedCredential('Repo', library.Trust.githubActions({ owner: 'contoso', repository: 'one', branch: 'main' }));
  const two = new TerraformStack(app, 'two');
  addProviders(two);
  const second = new other.AppRegistration(two, 'Ci', { displayName: 'ci-two' });
  second.addFederatedCredential('Repo', other.Trust.githubActions({ owner: 'contoso', repository: 'two', branch: 'main' }));
  library.TrustReport.of(app);
  return app;
}

const manifestWarnings = (app: App) => Object.values(JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8')).stacks)
  .flatMap((stack: any) => stack.annotations.filter((a: any) => /warn$/.test(a.level)).map((a: any) => `${a.constructPath}: ${a.message.slice(0, 40)}`));

describe('two copies of the library in one app', () => {
  test('are really two copies', () => {
    expect(other.AppRegistration).not.toBe(library.AppRegistration);
  });

  test('share one root construct, at the app root under its documented id', () => {
    // Future flags off: cdktn's Testing.app turns on failOnConstructsOutsideOfStacks (tested below).
    const app = appOfTwoCopies(Testing.app({ enableFutureFlags: false }));
    expect(app.node.children.map((c) => c.node.id)).toEqual(['one', 'AzureIdentity', 'two']);
  });

  test("both copies' warnings reach the manifest", () => {
    const app = appOfTwoCopies();
    app.synth();
    expect(manifestWarnings(app)).toEqual([
      'one/Ci/Repo: This trust names contoso/one without its',
      'two/Ci/Repo: This trust names contoso/two without its',
    ]);
  });

  test("one trust report shows both copies' identities and trusts", () => {
    const app = appOfTwoCopies();
    app.synth();
    const picture = JSON.parse(fs.readFileSync(path.join(app.outdir, library.TrustReport.JSON_FILE_NAME), 'utf8'));
    expect(picture.identities.map((i: any) => [i.construct, i.trusts.map((t: any) => t.subject)])).toEqual([
      ['one/Ci', ['repo:contoso/one:ref:refs/heads/main']],
      ['two/Ci', ['repo:contoso/two:ref:refs/heads/main']],
    ]);
  });

  test("an error in the other copy's stack writes nothing, not even this copy's stack", () => {
    const app = appOfTwoCopies();
    const crowded = new other.UserAssignedIdentity(app.node.findChild('two'), 'Crowded', { name: 'id-crowded', resourceGroupName: 'rg', location: 'westeurope' });
    for (let i = 1; i <= 21; i++) {
      crowded.addFederatedCredential(`Sa${i}`, other.Trust.kubernetes({ issuerUrl: 'https://issuer.example/', namespace: 'ns', serviceAccountName: `sa-${i}` }));
    }
    expect(thrownBy(() => app.synth()).message).toContain('holds 21 federated identity credentials');
    expect(fs.readdirSync(app.outdir, { recursive: true })).toEqual(['stacks']);
  });
});

describe('an app that refuses constructs outside stacks', () => {
  test('keeps the root under the first stack that used the library, and still stages every stack', () => {
    const app = Testing.app({ context: { failOnConstructsOutsideOfStacks: 'true' } });
    const one = new TerraformStack(app, 'one');
    addProviders(one);
    new library.AppRegistration(one, 'Ci', { displayName: 'ci-one' });
    const two = new TerraformStack(app, 'two');
    addProviders(two);
    new other.AppRegistration(two, 'Ci', { displayName: 'ci-two' });
    two.node.addValidation({ validate: () => ['two is wrong'] });
    expect(app.node.children.map((c) => c.node.id)).toEqual(['one', 'two']);
    expect(one.node.tryFindChild('AzureIdentity')).toBeDefined();
    expect(thrownBy(() => app.synth()).message).toContain('two is wrong');
    expect(fs.readdirSync(app.outdir, { recursive: true })).toEqual(['stacks']);
  });
});
