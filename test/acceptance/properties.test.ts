import * as fc from 'fast-check';
import { TerraformStack, Testing } from 'cdktf';
import {
  AppRegistration, FederatedCredential, SystemAssignedIdentity, TerraformRunPhase, Trust, UserAssignedIdentity,
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
});
