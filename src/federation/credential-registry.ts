import { IConstruct } from 'constructs';
import { TerraformResource, TerraformStack } from 'cdktf';
import { ICredentialTarget } from '../core/principal';
import { MAX_CREDENTIALS_PER_TARGET, credentialNameProblems } from '../private/federation-rules';
import { IdentityRoot } from '../private/identity-root';
import { Problem, invalid, isLiteral, throwProblems } from '../private/problems';

/** A credential as checks that compare a token with it see it. */
export interface TrustedToken {
  /** The credential construct's path. */
  readonly path: string;
  readonly name: string;
  readonly issuer: string;
  /** The subject, or a flexible credential's claims-matching expression. */
  readonly match: string;
  readonly audience: string;
  readonly flexible: boolean;
  /**
   * The platform (a `TrustPlatform` value) whose tokens an exact trust accepts; absent for a pattern,
   * or when an older copy of the library registered the credential.
   */
  readonly platform?: string;
}

/** What the registry remembers of each credential on a target: what checks see, and its resource. */
interface RegisteredCredential extends TrustedToken {
  readonly resource: TerraformResource;
}

/**
 * The credentials of one app or user-assigned identity, in declaration order, wherever in the
 * tree they were declared. The totals Azure enforces per target are checked once the tree is
 * complete (cdktf validation), because credentials can be added after the target.
 */
function credentialsOf(target: IConstruct): RegisteredCredential[] {
  const registry = IdentityRoot.of(target).state('credentials@2', () => new Map<IConstruct, RegisteredCredential[]>());
  let list = registry.get(target);
  if (!list) {
    const created: RegisteredCredential[] = [];
    registry.set(target, created);
    target.node.addValidation({ validate: () => validateTotals(created) });
    list = created;
  }
  return list;
}

/** The subjects (or expressions) a target trusts so far, for checks that look for a missing trust. */
export function trustedMatches(target: IConstruct): string[] {
  return credentialsOf(target).map((c) => c.match);
}

/** The credentials a target holds anywhere in the app, in declaration order. */
export function trustedTokens(target: IConstruct): TrustedToken[] {
  const registry = IdentityRoot.of(target).state('credentials@2', () => new Map<IConstruct, RegisteredCredential[]>());
  return (registry.get(target) ?? []).map(({ path, name, issuer, match, audience, flexible, platform }) => ({ path, name, issuer, match, audience, flexible, platform }));
}

/** Whether a principal can hold federated credentials (a plain JavaScript caller may pass any object). */
export function isCredentialTarget(principal: IConstruct): principal is ICredentialTarget {
  return typeof (principal as Partial<ICredentialTarget>).bindCredential === 'function';
}

/** A credential to add: what it trusts, and what its name is derived from when none is given. */
export interface CredentialRequest {
  /** The identity or app that holds the credential, as given (a plain JavaScript caller may pass anything). */
  readonly target: IConstruct;
  readonly issuer: string;
  /** The subject, or the claims-matching expression of a flexible credential. */
  readonly match: string;
  /** The token's required audience. */
  readonly audience: string;
  /** Whether `match` is a claims-matching expression. */
  readonly flexible: boolean;
  /** The platform (a `TrustPlatform` value) of an exact trust. */
  readonly platform?: string;
  readonly name?: string;
  /** The name to use when none is given, unique among the names the target's credentials already have. */
  readonly derivedName: (taken: string[]) => string;
  readonly problems: Problem[];
}

/** A checked credential's place on its target: its name, the credential it follows, and how to record it once written. */
export interface CredentialSlot {
  readonly name: string;
  /** The target's previous credential in the same stack: Azure rejects concurrent writes to one identity. */
  readonly previous?: TerraformResource;
  /** Counts the written credential against the target's totals. */
  record(resource: TerraformResource): void;
}

/**
 * Checks a credential and names it; the caller has its target write the resource and records it.
 * Ordinary and flexible credentials share all of this; only what the target writes differs. (The
 * caller writes the resource itself, rather than through a callback, because cdktf captures a full
 * stack trace for every resource and token: each frame less is time and memory saved per credential.)
 */
export function claimCredential(owner: IConstruct, request: CredentialRequest): CredentialSlot {
  if (!isCredentialTarget(request.target)) {
    throw invalid(owner, {
      property: 'target', value: request.target.node.path,
      problem: 'only user-assigned identities and app registrations can hold federated identity credentials (a system-assigned identity cannot)',
      fix: 'create a UserAssignedIdentity, attach it to the compute resource, and add the credential to it',
    });
  }
  const problems = [...request.problems];
  if (isLiteral(request.name)) problems.push(...credentialNameProblems('name', request.name));
  throwProblems(owner, problems);

  const registered = credentialsOf(request.target);
  const name = request.name ?? request.derivedName(registered.map((c) => c.name));
  // Chained only within a stack: a depends_on on another stack's resource is not valid Terraform.
  const stack = TerraformStack.of(owner);
  const previous = registered.findLast((c) => TerraformStack.of(c.resource) === stack)?.resource;
  return {
    name,
    previous,
    record: (resource) => registered.push({
      path: owner.node.path, name, issuer: request.issuer, match: request.match, resource, audience: request.audience, flexible: request.flexible,
      platform: request.platform,
    }),
  };
}

function validateTotals(credentials: RegisteredCredential[]): string[] {
  const errors: string[] = [];
  if (credentials.length > MAX_CREDENTIALS_PER_TARGET) {
    errors.push(`holds ${credentials.length} federated identity credentials, but Microsoft allows at most ${MAX_CREDENTIALS_PER_TARGET} `
      + `per app or user-assigned identity (flexible ones included). Fix: move ${credentials.length - MAX_CREDENTIALS_PER_TARGET} of them `
      + `to another identity, or cover several branches with one flexible credential. The 21st is ${credentials[MAX_CREDENTIALS_PER_TARGET].path}.`);
  }
  const seen = new Map<string, RegisteredCredential>();
  for (const credential of credentials) {
    const key = JSON.stringify([credential.issuer, credential.match]);
    const first = seen.get(key);
    if (first) {
      errors.push(`has two federated credentials with issuer "${credential.issuer}" and subject "${credential.match}": `
        + `${first.path} and ${credential.path}. Azure rejects the second ("Issuer and subject combination already exists"). Fix: remove one of them.`);
    } else {
      seen.set(key, credential);
    }
  }
  // ARM compares credential names case-insensitively: "Deploy" and "deploy" are one credential.
  const names = new Map<string, RegisteredCredential>();
  for (const credential of credentials) {
    const key = credential.name.toLowerCase();
    const first = names.get(key);
    if (first) {
      const same = first.name === credential.name ? `named "${credential.name}"` : `named "${first.name}" and "${credential.name}", which Azure treats as one name`;
      errors.push(`has two federated credentials ${same}: ${first.path} and ${credential.path}. Fix: pass a different name to one of them.`);
    } else {
      names.set(key, credential);
    }
  }
  return errors;
}
