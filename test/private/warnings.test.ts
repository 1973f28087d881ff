import { TerraformStack, Testing } from 'cdktf';
import { AppRegistration, Trust } from '../../src';
import { addProviders, warningsOf } from '../util';

function appWithGitHubTrusts(count: number): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'ci');
  addProviders(stack);
  const app = new AppRegistration(stack, 'Ci', { displayName: 'ci' });
  for (let i = 0; i < count; i++) app.addFederatedCredential(`Repo${i}`, Trust.githubActions({ owner: 'contoso', repository: `repo-${i}`, branch: 'main' }));
  return stack;
}

describe('warnings that repeat', () => {
  test('one place: the warning stands on the construct, as written', () => {
    expect(warningsOf(appWithGitHubTrusts(1))).toEqual([
      expect.stringMatching(/^ci\/Ci\/Repo0: This trust names contoso\/repo-0 without its IDs/),
    ]);
  });

  test('many places: one warning per rule and stack, naming the first five places and counting the rest', () => {
    expect(warningsOf(appWithGitHubTrusts(8))).toEqual([
      'ci: GitHub trusts that name a repository without its IDs: 8 places in this stack, '
      + 'ci/Ci/Repo0, ci/Ci/Repo1, ci/Ci/Repo2, ci/Ci/Repo3, ci/Ci/Repo4 and 3 more. '
      + 'The first says: This trust names contoso/repo-0 without its IDs. On github.com, repositories created, renamed or transferred since '
      + '15 July 2026 (and those opted in) carry the immutable subject repo:OWNER@OWNER_ID/REPO@REPO_ID:..., which a name-only trust never '
      + 'matches. If this repository does, pass ownerId and repositoryId from: gh api repos/contoso/repo-0 --jq ".owner.id, .id"',
    ]);
  });

  test('a warning added after a synth reaches the next one', () => {
    const stack = appWithGitHubTrusts(1);
    Testing.synth(stack);
    const app = stack.node.findChild('Ci') as AppRegistration;
    app.addFederatedCredential('Later', Trust.githubActions({ owner: 'contoso', repository: 'later', branch: 'main' }));
    Testing.synth(stack);
    expect(warningsOf(stack)).toEqual([
      expect.stringMatching(/^ci\/Ci\/Repo0: This trust names contoso\/repo-0/),
      expect.stringMatching(/^ci\/Ci\/Later: This trust names contoso\/later/),
    ]);
  });

  test('synthesizing twice does not repeat them', () => {
    const stack = appWithGitHubTrusts(2);
    Testing.synth(stack);
    Testing.synth(stack);
    expect(warningsOf(stack)).toHaveLength(1);
  });
});
