import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { Fn, TerraformOutput, TerraformStack, Token } from 'cdktf';
import { ICredentialTarget } from '../core/principal';
import { trustedMatches } from '../federation/credential-registry';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN, dnsProblems } from '../private/federation-rules';
import { manifestFileName } from '../private/file-names';
import { IdentityRoot, stackState } from '../private/identity-root';
import { resolveIn } from '../private/resolve';
import { checkedArgs, requiredProblems } from '../private/shape';
import { tenantProblems } from '../private/tenants';
import { check, invalid, isLiteral, literal, throwProblems } from '../private/problems';
import { tenantIdRule } from '../private/rules';
import { Warning, warnIf } from '../private/warnings';
import { yaml } from '../private/lazy-modules';

/** Annotation and label names of azure-workload-identity (pkg/webhook/consts.go). */
const CLIENT_ID_ANNOTATION = 'azure.workload.identity/client-id';
const TENANT_ID_ANNOTATION = 'azure.workload.identity/tenant-id';
const TOKEN_EXPIRATION_ANNOTATION = 'azure.workload.identity/service-account-token-expiration';
const USE_LABEL = 'azure.workload.identity/use';

/** Properties of a `KubernetesServiceAccount`. */
export interface KubernetesServiceAccountProps {
  /** The service account's namespace. */
  readonly namespace: string;
  /** The service account's name. */
  readonly name: string;
  /** The user-assigned identity or app the pods sign in as (it needs a `Trust.kubernetes` for this account). */
  readonly identity: ICredentialTarget;
  /**
   * The tenant annotation.
   * @default - the identity's tenant
   */
  readonly tenantId?: string;
  /**
   * Lifetime of the projected token, 3600 to 86400 seconds (the webhook's limits).
   * @default - the webhook's default, 3600
   */
  readonly tokenExpirationSeconds?: number;
}

/**
 * The Kubernetes side of workload identity: the ServiceAccount annotations that tell the
 * azure-workload-identity webhook which identity to use, and the pod label that opts pods in
 * (without it the webhook leaves pods alone).
 *
 * The manifest is available as an object and is also written as YAML to
 * `<outdir>/stacks/<stack>/kubernetes/<namespace>-<name>.serviceaccount.yaml` when the app synthesizes.
 * No token path is written anywhere: the webhook injects `AZURE_FEDERATED_TOKEN_FILE`, and its path
 * changed in azure-workload-identity v1.6.0.
 *
 * @example
 * const sa = new KubernetesServiceAccount(stack, 'RunnerSa', { namespace: 'terraform', name: 'runner', identity });
 * sa.podLabels; // { 'azure.workload.identity/use': 'true' }
 */
export class KubernetesServiceAccount extends Construct {
  /** The service account's namespace. */
  public readonly namespace: string;
  /** The service account's name. */
  public readonly name: string;
  /** The ServiceAccount annotations. */
  public readonly annotations: { [key: string]: string };
  /** The labels every pod using the account needs: `azure.workload.identity/use: "true"`. */
  public readonly podLabels: { [key: string]: string };
  /** The subject its tokens carry: `system:serviceaccount:<namespace>:<name>`. */
  public readonly subject: string;
  /**
   * The manifest's file name under `<stack>/kubernetes/`: `<namespace>-<name>.serviceaccount.yaml`,
   * shortened with a hash when it would not fit a file system, and named after the construct when the
   * namespace or name is only known to Terraform.
   */
  public readonly fileName: string;
  private readonly output?: TerraformOutput;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: KubernetesServiceAccountProps) {
    super(checkedArgs('KubernetesServiceAccount.constructor', [scope, id, props]), id);
    throwProblems(this, requiredProblems(props, ['namespace', 'name', 'identity'], 'KubernetesServiceAccountProps'));
    throwProblems(this, [
      ...tenantProblems('tenantId', props.tenantId, props.identity),
      ...literal(props.namespace, (v) => dnsProblems('namespace', v, DNS1123_LABEL, 'namespace')),
      ...literal(props.name, (v) => dnsProblems('name', v, DNS1123_SUBDOMAIN, 'service account name')),
    ]);
    if (!props.identity.signIn.viaFederation) {
      throw invalid(this, {
        property: 'identity', value: props.identity.node.path,
        problem: 'a system-assigned identity cannot be federated with a service account', fix: 'use a UserAssignedIdentity or an AppRegistration',
      });
    }
    check(this, 'tenantId', props.tenantId, tenantIdRule);
    const expiration = props.tokenExpirationSeconds;
    if (expiration !== undefined && !Token.isUnresolved(expiration) && !(Number.isInteger(expiration) && expiration >= 3600 && expiration <= 86400)) {
      throw invalid(this, {
        property: 'tokenExpirationSeconds', value: String(expiration),
        problem: 'the webhook accepts whole seconds from 3600 (1 hour) to 86400 (1 day)', fix: 'choose a value in that range, or omit it for 3600',
      });
    }

    this.namespace = props.namespace;
    this.name = props.name;
    this.subject = `system:serviceaccount:${props.namespace}:${props.name}`;
    this.annotations = {
      [CLIENT_ID_ANNOTATION]: props.identity.clientId,
      [TENANT_ID_ANNOTATION]: props.tenantId ?? props.identity.tenantId,
      // A lifetime from a variable is a number token: `Token.asString` keeps it a token (String() would
      // print its encoded value), so the manifest gets the Terraform output its header promises.
      ...(expiration !== undefined ? { [TOKEN_EXPIRATION_ANNOTATION]: Token.isUnresolved(expiration) ? Token.asString(expiration) : String(expiration) } : {}),
    };
    this.podLabels = { [USE_LABEL]: 'true' };

    this.fileName = manifestFileName(props.namespace, props.name, this.node.path);
    claimFileName(this);

    const manifest = this.manifest;
    if ([props.namespace, props.name, ...Object.values(this.annotations)].some((v) => Token.isUnresolved(v))) {
      // Values known only after apply: `terraform output -raw <name>` gives the final YAML.
      this.output = new TerraformOutput(this, 'Manifest', { value: Fn.yamlencode(manifest), description: `ServiceAccount ${props.namespace}/${props.name}` });
    }
    // Checked when the tree is complete: the trust may be added after the service account.
    warnIf(this, () => this.untrustedWarning(props.identity));
    const stack = TerraformStack.of(this);
    IdentityRoot.of(this).addFileWriter(stack, (session) => this.writeManifest(session.outdir, session.manifest.forStack(stack).workingDirectory));
  }

  /** The ServiceAccount as a Kubernetes object. */
  public get manifest(): { [key: string]: any } {
    return {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: this.name, namespace: this.namespace, annotations: { ...this.annotations } },
    };
  }

  private writeManifest(outdir: string, workingDirectory: string): void {
    const resolved = resolveIn(this, this.manifest);
    const header = this.output
      ? `# Values written \${...} are Terraform references, known after apply: \`terraform output -raw ${this.output.friendlyUniqueId}\` prints this manifest with them filled in.\n`
      : '';
    const dir = path.join(outdir, workingDirectory, 'kubernetes');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, this.fileName), header + yaml().stringify(resolved));
  }

  private untrustedWarning(identity: ICredentialTarget): Warning | undefined {
    if (!isLiteral(this.namespace) || !isLiteral(this.name)) return undefined;
    const subjects = trustedMatches(identity);
    if (!subjects.every(isLiteral) || subjects.includes(this.subject)) return undefined;
    return {
      rule: 'service accounts whose identity does not trust them',
      message: `${identity.node.path} has no federated credential for ${this.subject}, so pods using this `
        + 'service account cannot sign in (AADSTS70021). Add Trust.kubernetes({ issuerUrl, namespace, serviceAccountName }) to it.',
    };
  }
}

/** Two service accounts of one stack must not write the same file (one would silently replace the other). */
function claimFileName(account: KubernetesServiceAccount): void {
  const stack = TerraformStack.of(account);
  const names = stackState(stack, 'service-account files@1', () => new Map<string, string>());
  const first = names.get(account.fileName);
  if (first) {
    throw invalid(account, {
      property: 'namespace, name', value: `${account.namespace}, ${account.name}`,
      problem: `${first} already writes kubernetes/${account.fileName} in stack ${stack.node.id}`,
      fix: 'define the service account once and use it from both places, or give one of them another namespace or name',
    });
  }
  names.set(account.fileName, account.node.path);
}
