import { IConstruct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { MAX_CREDENTIALS_PER_TARGET } from '../private/federation-rules';

/** What the registry remembers of each credential on a target. */
export interface RegisteredCredential {
  readonly path: string;
  readonly name: string;
  readonly issuer: string;
  /** Subject, or the claims-matching expression of a flexible credential. */
  readonly match: string;
  readonly resource: TerraformResource;
}

const registries = new WeakMap<IConstruct, RegisteredCredential[]>();

/**
 * The credentials of one app or user-assigned identity, in declaration order, wherever in the
 * tree they were declared. The totals Azure enforces per target are checked once the tree is
 * complete (cdktf validation), because credentials can be added after the target.
 */
export function credentialsOf(target: IConstruct): RegisteredCredential[] {
  let list = registries.get(target);
  if (!list) {
    const created: RegisteredCredential[] = [];
    registries.set(target, created);
    target.node.addValidation({ validate: () => validateTotals(created) });
    list = created;
  }
  return list;
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
  const names = new Map<string, RegisteredCredential>();
  for (const credential of credentials) {
    const first = names.get(credential.name);
    if (first) {
      errors.push(`has two federated credentials named "${credential.name}": ${first.path} and ${credential.path}. Fix: pass a different name to one of them.`);
    } else {
      names.set(credential.name, credential);
    }
  }
  return errors;
}
