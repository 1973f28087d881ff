import * as fc from 'fast-check';
import { App, TerraformStack, Testing } from 'cdktf';
import {
  AppRegistration, AzureProviders, FederatedCredential, KeylessWorkload, Microsoft365Provider, ProviderAuth, Runner, SystemAssignedIdentity,
  TerraformProviderKind, TerraformRunPhase, Trust, UserAssignedIdentity,
} from '../../src';
import { ValidationError } from '../../src/core/validation-error';
import { CREDENTIAL_NAME, credentialName } from '../../src/private/federation-rules';
import { addProviders, reportOf } from '../util';

const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);
const githubName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,20}$/);
/** Branch, tag and environment values: printable, may hold ':' (which GitHub escapes). */
// Branch and tag names as git allows them (git check-ref-format); environment names may also hold ":".
const gitRef = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,10}(\/[A-Za-z0-9][A-Za-z0-9_.-]{0,10}[A-Za-z0-9_-])*$/).filter((v) => !v.startsWith("refs/") && !v.includes(".."));
const environmentName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._/:-]{0,30}$/);

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'p');
  addProviders(s);
  return s;
}

describe('derived credential names', () => {
  test('always match the ARM name rule, for any readable parts', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 80 }), { minLength: 1, maxLength: 6 }), (parts) => {
      expect(credentialName(parts)).toMatch(CREDENTIAL_NAME);
    }));
  });

  test('stay unique on one identity, for any set of service accounts', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.tuple(dnsLabel, dnsLabel), { minLength: 1, maxLength: 20, selector: ([a, b]) => `${a}:${b}` }), (accounts) => {
      const s = stack();
      const identity = new UserAssignedIdentity(s, 'Id', { name: 'id-prop', resourceGroupName: 'rg', location: 'westeurope' });
      const names = accounts.map(([namespace, serviceAccountName], i) => identity.addFederatedCredential(`F${i}`,
        Trust.kubernetes({ issuerUrl: 'https://issuer.example/', namespace, serviceAccountName })).name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(CREDENTIAL_NAME);
    }), { numRuns: 50 });
  });
});

describe('Trust factories', () => {
  test('GitHub subjects never hold whitespace or an unescaped ":" inside a value, and the issuer has no trailing slash', () => {
    const selector = fc.oneof(fc.tuple(fc.constantFrom('branch', 'tag'), gitRef), fc.tuple(fc.constant('environment'), environmentName));
    fc.assert(fc.property(githubName, githubName, selector, (owner, repository, [kind, value]) => {
      const trust = Trust.githubActions({ owner, repository, [kind]: value });
      expect(reportOf(trust).problems).toEqual([]);
      expect(trust.subject).not.toMatch(/\s/);
      expect(trust.issuer.endsWith('/')).toBe(false);
      const valuePart = trust.subject.replace(/^repo:[^:]+:(environment:|ref:refs\/(heads|tags)\/)/, '');
      expect(valuePart).not.toContain(':');
      expect(decodeURIComponent(valuePart)).toBe(value);
    }));
  });

  test('HCP Terraform issuers never end with a slash and subjects end with the run phase', () => {
    fc.assert(fc.property(githubName, githubName, githubName, fc.constantFrom(TerraformRunPhase.PLAN, TerraformRunPhase.APPLY), (organization, project, workspace, runPhase) => {
      const trust = Trust.terraformCloud({ organization, project, workspace, runPhase });
      expect(trust.issuer).toBe('https://app.terraform.io');
      expect(trust.subject.endsWith(`:run_phase:${runPhase}`)).toBe(true);
    }));
  });

  test('no factory output has leading or trailing whitespace when it reports no problem', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (issuer, subject) => {
      const trust = Trust.custom({ issuer, subject });
      if (reportOf(trust).problems.length === 0) {
        expect(trust.issuer).toBe(trust.issuer.trim());
        expect(trust.issuer).not.toMatch(/\s/);
        expect(trust.subject).toBe(trust.subject.trim());
      }
    }));
  });
});

describe('validators throw nothing but the library\'s own error type', () => {
  const rejectsOnlyWithValidationError = (build: () => unknown) => {
    try {
      build();
    } catch (e) {
      if (!ValidationError.isValidationError(e)) throw e;
    }
  };

  test('identities, for any strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (a, b, c, d) => {
      const s = stack();
      rejectsOnlyWithValidationError(() => new UserAssignedIdentity(s, 'U', { name: a, resourceGroupName: b, location: c }));
      rejectsOnlyWithValidationError(() => UserAssignedIdentity.fromAttributes(s, 'I', { resourceId: a, clientId: b, principalId: c, tenantId: d }));
      rejectsOnlyWithValidationError(() => SystemAssignedIdentity.fromPrincipalId(s, 'S', { principalId: a, tenantId: b }));
      rejectsOnlyWithValidationError(() => new AppRegistration(s, 'A', { displayName: a, owners: [b] }));
    }), { numRuns: 60 });
  });

  test('credentials, for any trust values', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (issuer, namespace, name, credentialNameValue) => {
      const s = stack();
      const app = new AppRegistration(s, 'A', { displayName: 'x' });
      rejectsOnlyWithValidationError(() => new FederatedCredential(s, 'K', {
        target: app, trust: Trust.kubernetes({ issuerUrl: issuer, namespace, serviceAccountName: name }), name: credentialNameValue,
      }));
      rejectsOnlyWithValidationError(() => app.addFederatedCredential('G', Trust.githubActions({ owner: namespace, repository: name, environment: issuer })));
      rejectsOnlyWithValidationError(() => app.grantGraphAppRoles('Graph', [name]));
    }), { numRuns: 60 });
  });

  // Plain JavaScript callers pass anything: a runner and everything it is given to still fail only
  // with the library's error, at synth at the latest.
  const text = fc.oneof(fc.string(), fc.constant(undefined));
  const anyValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(undefined), fc.constant(null), fc.object(), fc.array(fc.string()));

  test('runners, for any strings, and anything where an object belongs', () => {
    fc.assert(fc.property(text, text, text, text, anyValue, (a, b, c, d, thing) => {
      const s = stack();
      const app = new AppRegistration(s, 'A', { displayName: 'x' });
      const runners = [
        () => Runner.githubActions({ owner: a, repository: b, environment: c } as any),
        () => Runner.azurePipelines({ serviceConnectionId: a, serviceConnection: thing } as any),
        () => Runner.azurePipelines({ serviceConnection: { serviceConnectionId: a, issuer: b, subject: c } } as any),
        () => Runner.hcpTerraform({ organization: a, project: b, workspace: c, runPhase: d } as any),
        () => Runner.gitlab({ projectPath: a, refType: b, ref: c, tokenEnvironmentVariable: d } as any),
        () => Runner.kubernetes({ issuerUrl: a, namespace: b, serviceAccountName: c, tokenFilePath: d } as any),
        () => Runner.azureCompute({ identity: thing, tokenFilePath: b } as any),
        () => Runner.customOidc({ issuer: a, subject: b, tokenFilePath: c, tokenEnvironmentVariable: d } as any),
        () => Runner.githubActions(thing as any),
        () => Runner.azureCompute(thing as any),
      ];
      for (const [i, make] of runners.entries()) {
        rejectsOnlyWithValidationError(() => {
          const runner = make();
          runner.trustsFor(app);
          runner.setupLines(app);
          runner.matches(Trust.custom({ issuer: 'https://issuer.example', subject: 's' }));
          const auth = runner.providerAuth(app, { tenantId: d as any });
          auth.environment(TerraformProviderKind.AZURERM);
          new Microsoft365Provider(s, `M${i}`, { auth, alias: `m${i}` });
        });
        rejectsOnlyWithValidationError(() => make().providerAuth(thing as any));
        rejectsOnlyWithValidationError(() => new KeylessWorkload(s, `W${i}`, { name: 'w', tenantId: '11111111-2222-3333-4444-555555555555', runner: make() }));
      }
      rejectsOnlyWithValidationError(() => ProviderAuth.federatedToken({ clientId: a, tokenFilePath: b, tokenEnvironmentVariable: c } as any)
        .environment(TerraformProviderKind.AZUREAD));
      rejectsOnlyWithValidationError(() => AzureProviders.azuread(s, 'Hcp', { tenantId: a as any, auth: ProviderAuth.hcpTerraformDynamicCredentials({ clientId: b, tenantId: c } as any) }));
      rejectsOnlyWithValidationError(() => (s.node.root as App).synth());
    }), { numRuns: 20 });
  });
});
