import { IConstruct } from 'constructs';
import { TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { IEntraPrincipal, PrincipalKind } from '../core/principal';
import { TrustPlatform } from '../federation/trust-spec';
import { WellKnownApp, tierOf } from '../permissions/graph-permissions';
import { signInRights } from '../principals/sign-in-rights';
import { isLiteral } from '../private/problems';
import { resolveIn } from '../private/resolve';
import { SignInFact, reviewFacts } from '../private/review-facts';
import { ProviderAuthMethod } from '../providers/auth-method';

/** The whole app's trust picture, as plain data: what `trust-report.json` holds. */
export interface TrustPicture {
  readonly identities: IdentityFacts[];
}

export interface IdentityFacts {
  /** A short stable key, `I1`, `I2`..., in the order of `construct`. */
  readonly key: string;
  readonly name: string;
  readonly kind: string;
  /** The stack that creates or refers to the identity, or `runtime` for one known only where Terraform runs. */
  readonly stack: string;
  readonly construct: string;
  readonly trusts: Array<{ platform: string; issuer: string; subject: string; audience: string; credential: string; stack: string }>;
  readonly grants: Array<{ api: string; permission: string; tier: string; neededBy: string[]; stack: string }>;
  readonly azureRoles: Array<{ role: string; scope: string; stack: string }>;
  readonly azureDevOps: Array<{ accessLevel: string; stack: string }>;
  readonly signIns: SignInFacts[];
  /** Where pipelines are told to sign in as the identity: GitHub variables, service connections, HCP workspace variables. */
  readonly pipelines: Array<{ platform: string; place: string; settings: string; stack: string }>;
  /** For a user-assigned identity: the azurerm resources of the app whose `identity` block lists it in `identity_ids`. */
  readonly wornBy: string[];
}

/** One provider block's sign-in, as a chain: where Terraform runs, the trust its token matches, and the rights it needs. */
export interface SignInFacts {
  readonly stack: string;
  readonly provider: string;
  readonly method: string;
  /** Where Terraform runs, or "not given" when the auth came from no runner. */
  readonly runner: string;
  /** The credential the runner's token matches, "not verifiable", "none matches", "none: the machine wears it", or "not checked (no runner)". */
  readonly trust: string;
  /** "holds what the stack needs", "signs in, lacks rights: ...", "needs no Graph role", or "not judged". */
  readonly rights: string;
  /** Whether the identity lacks a Graph role the block's resources need (drawn in red). */
  readonly lacksRights: boolean;
}

/** Platform names as people write them, not as enum values. */
const PLATFORM_NAMES: { [platform: string]: string } = {
  [TrustPlatform.KUBERNETES]: 'Kubernetes',
  [TrustPlatform.GITHUB_ACTIONS]: 'GitHub Actions',
  [TrustPlatform.AZURE_DEVOPS]: 'Azure DevOps',
  [TrustPlatform.TERRAFORM_CLOUD]: 'HCP Terraform',
  [TrustPlatform.GITLAB]: 'GitLab',
  [TrustPlatform.MANAGED_IDENTITY]: 'Managed identity',
  [TrustPlatform.GOOGLE]: 'Google Cloud',
  [TrustPlatform.CUSTOM]: 'Custom issuer',
};

const KIND_NAMES: { [kind: string]: string } = {
  [PrincipalKind.USER_ASSIGNED_IDENTITY]: 'user-assigned identity',
  [PrincipalKind.SYSTEM_ASSIGNED_IDENTITY]: 'system-assigned identity',
  [PrincipalKind.APPLICATION]: 'app registration',
};

const METHOD_NAMES: { [method: string]: string } = {
  [ProviderAuthMethod.MANAGED_IDENTITY]: 'managed identity',
  [ProviderAuthMethod.WORKLOAD_IDENTITY]: 'workload identity (token file)',
  [ProviderAuthMethod.AKS_WORKLOAD_IDENTITY]: 'AKS workload identity',
  [ProviderAuthMethod.GITHUB_ACTIONS_OIDC]: 'GitHub Actions OIDC',
  [ProviderAuthMethod.AZURE_DEVOPS_OIDC]: 'Azure DevOps OIDC',
  [ProviderAuthMethod.FEDERATED_TOKEN]: 'federated token (file or variable)',
  [ProviderAuthMethod.HCP_TERRAFORM_DYNAMIC_CREDENTIALS]: 'HCP Terraform dynamic credentials',
};

const API_NAMES: { [appId: string]: string } = {
  [WellKnownApp.MICROSOFT_GRAPH]: 'Microsoft Graph',
  [WellKnownApp.AZURE_DEVOPS]: 'Azure DevOps',
  [WellKnownApp.SHAREPOINT_ONLINE]: 'SharePoint Online',
  [WellKnownApp.EXCHANGE_ONLINE]: 'Exchange Online',
};

/**
 * A value as a reviewer reads it: a literal as it is, a reference as the Terraform address it points
 * to (`data.azurerm_kubernetes_cluster.aks.oidc_issuer_url`). Resolved in the stack of the construct
 * that holds it, where the reference is already used.
 */
function show(holder: IConstruct, value: string): string {
  const resolved = String(resolveIn(holder, value));
  const whole = /^\$\{([^${}]+)\}$/.exec(resolved);
  return whole ? whole[1] : resolved;
}

function stackName(node: IConstruct): string {
  return TerraformStack.of(node).node.id;
}

function isPrincipal(node: IConstruct): node is IEntraPrincipal {
  const candidate = node as Partial<IEntraPrincipal>;
  return typeof candidate.principalKind === 'string' && candidate.principalKind in KIND_NAMES && typeof candidate.principalId === 'string';
}

interface Building {
  name: string;
  kind: string;
  stack: string;
  construct: string;
  facts: Omit<IdentityFacts, 'key' | 'name' | 'kind' | 'stack' | 'construct'>;
}

/**
 * The app's identities, trusts, grants and sign-ins, from the facts its constructs recorded, sorted
 * so that the same app gives the same picture.
 */
export function trustPicture(root: IConstruct): TrustPicture {
  const facts = reviewFacts(root);
  // Facts in tree order, and only those whose construct is still in the tree (one may be removed
  // after it was made): the picture of an app does not depend on the order its constructs were made in.
  const position = new Map<IConstruct, number>(root.node.findAll().map((node, i) => [node, i]));
  const inTree = <T>(list: readonly T[], holderOf: (fact: T) => IConstruct): T[] => list
    .filter((fact) => position.has(holderOf(fact)))
    .sort((a, b) => position.get(holderOf(a))! - position.get(holderOf(b))!);
  const held = <T extends { readonly holder: IConstruct }>(list: readonly T[]): T[] => inTree(list, (fact) => fact.holder);
  const byPrincipal = new Map<IConstruct, Building>();
  const byClientId = new Map<string, Building>();
  const runtime = new Map<string, Building>();
  const entry = (principal: IEntraPrincipal): Building => {
    let found = byPrincipal.get(principal);
    if (!found) {
      found = {
        name: show(principal, principal.displayName), kind: KIND_NAMES[principal.principalKind], stack: stackName(principal),
        construct: principal.node.path, facts: { trusts: [], grants: [], azureRoles: [], azureDevOps: [], signIns: [], pipelines: [], wornBy: [] },
      };
      byPrincipal.set(principal, found);
      const clientId = principal.signIn.clientId;
      if (clientId !== undefined) byClientId.set(clientKey(clientId), found);
    }
    return found;
  };
  // A principal whose constructor failed has no kind: it is not part of any picture.
  inTree(facts.principals, (principal) => principal).filter(isPrincipal).forEach(entry);

  for (const trust of held(facts.trusts)) {
    const { holder } = trust;
    entry(trust.target).facts.trusts.push({
      platform: trust.platform === undefined ? `${flexiblePlatform(trust.issuer)} (pattern)` : PLATFORM_NAMES[trust.platform] ?? trust.platform,
      issuer: show(holder, trust.issuer), subject: show(holder, trust.subject), audience: show(holder, trust.audience),
      credential: show(holder, trust.credential), stack: stackName(holder),
    });
  }
  for (const pipeline of held(facts.pipelines ?? [])) {
    const { holder } = pipeline;
    entry(pipeline.principal).facts.pipelines.push({
      platform: pipeline.platform, place: show(holder, pipeline.place), stack: stackName(holder),
      settings: pipeline.settings.map(([name, value]) => `${name} = ${show(holder, value)}`).join(', '),
    });
  }
  for (const grant of held(facts.grants)) {
    const { holder } = grant;
    if (grant.delegated) {
      for (const scope of grant.permissions) {
        entry(grant.principal).facts.grants.push({ api: 'Microsoft Graph', permission: scope, tier: 'delegated', neededBy: [], stack: stackName(holder) });
      }
      continue;
    }
    const appId = show(holder, grant.resourceAppId).toLowerCase();
    const isGraph = appId === WellKnownApp.MICROSOFT_GRAPH;
    // A grant worked out from a configuration knows which resources need each permission.
    const reasonsFor = facts.reasons.get(holder);
    for (const permission of grant.permissions) {
      entry(grant.principal).facts.grants.push({
        api: API_NAMES[appId] ?? appId, permission: show(holder, permission), tier: isGraph ? tierOf(permission) : 'not classified',
        neededBy: reasonsFor?.(permission) ?? [], stack: stackName(holder),
      });
    }
  }
  for (const role of held(facts.azureRoles)) {
    entry(role.principal).facts.azureRoles.push({ role: show(role.holder, role.role), scope: show(role.holder, role.scope), stack: stackName(role.holder) });
  }
  for (const access of held(facts.azureDevOps)) {
    entry(access.principal).facts.azureDevOps.push({ accessLevel: accessLevelName(access.accessLevel), stack: stackName(access.holder) });
  }
  for (const signIn of held(facts.signIns)) {
    const target = signInTarget(signIn, stackName(signIn.holder), entry, byClientId, runtime);
    const alias = signIn.alias();
    target.facts.signIns.push({
      stack: stackName(signIn.holder), provider: `${signIn.provider}${alias ? ` (alias ${alias})` : ''}`, method: methodName(signIn), ...chainOf(signIn),
    });
  }
  // Resources that wear a user-assigned identity are the user's own azurerm resources, which record no
  // facts: they are read from the tree walk above (the same literal resource ID in any case, or the same reference).
  const wearers = [...position.keys()].filter((n): n is TerraformResource => TerraformResource.isTerraformResource(n) && n.terraformResourceType.startsWith('azurerm_'))
    .flatMap((r) => identityIdsOf(r).map((id) => ({ key: resourceKey(id), address: `${r.terraformResourceType}.${r.friendlyUniqueId}`, stack: stackName(r) })));
  for (const [principal, building] of byPrincipal) {
    const resourceId = (principal as { resourceId?: unknown }).resourceId;
    if ((principal as IEntraPrincipal).principalKind !== PrincipalKind.USER_ASSIGNED_IDENTITY || typeof resourceId !== 'string') continue;
    building.facts.wornBy.push(...wearers.filter((w) => w.key === resourceKey(resourceId)).map((w) => w.stack === building.stack ? w.address : `${w.address} in ${w.stack}`));
  }

  const all = [...byPrincipal.values(), ...runtime.values()].sort((a, b) => compare(a.construct, b.construct));
  return {
    identities: all.map((b, i) => ({
      key: `I${i + 1}`, name: b.name, kind: b.kind, stack: b.stack, construct: b.construct,
      trusts: sorted(b.facts.trusts, (t) => `${t.platform} ${t.subject} ${t.credential}`),
      grants: sorted(b.facts.grants, (g) => `${g.api} ${g.permission}`),
      azureRoles: sorted(b.facts.azureRoles, (r) => `${r.role} ${r.scope}`),
      azureDevOps: sorted(b.facts.azureDevOps, (d) => `${d.stack} ${d.accessLevel}`),
      signIns: sorted(b.facts.signIns, (s) => `${s.stack} ${s.provider}`),
      pipelines: sorted(b.facts.pipelines, (p) => `${p.platform} ${p.place}`),
      wornBy: [...new Set(b.facts.wornBy)].sort(compare),
    })),
  };
}

/**
 * The identity a provider signs in as: the one its auth names, the one with its literal client ID,
 * or one known only where Terraform runs (a client ID read at run time, or the machine's own identity).
 */
function signInTarget(
  signIn: SignInFact, stack: string, entry: (p: IEntraPrincipal) => Building, byClientId: Map<string, Building>, runtime: Map<string, Building>,
): Building {
  if (signIn.identity) return entry(signIn.identity);
  const clientId = signIn.clientId;
  // The same client ID, literal or the same reference (another stack's identity, passed by its clientId).
  if (clientId !== undefined && byClientId.has(clientKey(clientId))) return byClientId.get(clientKey(clientId))!;
  const [key, name] = signIn.isSystemAssigned
    ? [`${stack}/(machine)`, 'the machine\'s system-assigned identity']
    : isLiteral(clientId) ? [`client ${clientId.toLowerCase()}`, `client ID ${clientId.toLowerCase()}`] : [`${stack}/(run time)`, 'the identity named where Terraform runs'];
  let found = runtime.get(key);
  if (!found) {
    found = { name, kind: 'known at run time', stack: 'runtime', construct: key, facts: { trusts: [], grants: [], azureRoles: [], azureDevOps: [], signIns: [], pipelines: [], wornBy: [] } };
    runtime.set(key, found);
  }
  return found;
}

/** Literal client IDs compare without case; a reference compares as the token it is. */
function clientKey(clientId: string): string {
  return isLiteral(clientId) ? clientId.toLowerCase() : clientId;
}

/**
 * The chain of one sign-in: the runner and the trust its token matches (when a runner made the auth),
 * and whether the identity holds the Graph roles the block's resources need.
 */
function chainOf(signIn: SignInFact): Omit<SignInFacts, 'stack' | 'provider' | 'method'> {
  const verdict = signIn.chain?.();
  const trust = !verdict ? (signIn.federated === false ? 'none: the machine wears it' : 'not checked (no runner)')
    : !verdict.matched ? 'none matches' : verdict.trust || 'none: the machine wears it';
  let rights = 'not judged';
  let lacksRights = false;
  if (signIn.identity && signIn.holder instanceof TerraformProvider && (signIn.provider === 'microsoft365' || signIn.provider === 'azuread')) {
    const held = signInRights(signIn.identity, signIn.holder, signIn.provider);
    lacksRights = held.missing.length > 0;
    rights = lacksRights ? `signs in, lacks rights: ${held.missing.join(', ')}${held.certain ? '' : ' (as far as this app shows)'}`
      : held.needed.length ? 'holds what the stack needs' : 'needs no Graph role';
  }
  return { runner: verdict?.runner ?? 'not given', trust, rights, lacksRights };
}

/** A user-assigned identity's resource ID as compared: a literal without case, a reference as the token it is. */
function resourceKey(resourceId: string): string {
  return isLiteral(resourceId) ? resourceId.toLowerCase() : resourceId;
}

/**
 * The user-assigned identities an azurerm resource wears, as written (literals or references): those
 * its `identity` block lists in `identity_ids`, and an AKS cluster's kubelet identity
 * (`kubelet_identity.user_assigned_identity_id`), which every node's pods reach through IMDS.
 */
function identityIdsOf(resource: TerraformResource): string[] {
  const config = Object.values(Object.values((resource.toTerraform() as { resource?: any }).resource ?? {})[0] ?? {})[0] as
    { identity?: unknown; kubelet_identity?: unknown } | undefined;
  const blocks = (value: unknown): any[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  return [
    ...blocks(config?.identity).flatMap((b) => strings(b?.identity_ids ?? [])),
    ...blocks(config?.kubelet_identity).flatMap((b) => strings(b?.user_assigned_identity_id)),
  ];
}

function methodName(signIn: SignInFact): string {
  const name = METHOD_NAMES[signIn.method] ?? signIn.method;
  return signIn.isSystemAssigned ? `${name} (system-assigned)` : name;
}

function accessLevelName(license: string): string {
  return ({ express: 'Basic', stakeholder: 'Stakeholder', advanced: 'Basic + Test Plans', professional: 'Visual Studio subscriber' } as { [l: string]: string })[license] ?? license;
}

function flexiblePlatform(issuer: string): string {
  if (!isLiteral(issuer)) return 'Flexible';
  if (issuer.startsWith('https://token.actions.githubusercontent.com')) return 'GitHub Actions';
  if (/terraform\.io$/.test(issuer)) return 'HCP Terraform';
  return 'GitLab';
}

function sorted<T>(rows: T[], key: (row: T) => string): T[] {
  return [...rows].sort((a, b) => compare(key(a), key(b)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The part of the picture one stack takes part in: its identities, and those its trusts, grants and sign-ins point to. */
export function pictureOfStack(picture: TrustPicture, stack: string): TrustPicture {
  return picturesOfStacks(picture).get(stack) ?? { identities: [] };
}

/**
 * Every stack's part of the picture (see `pictureOfStack`), in one pass over it: an identity goes to
 * its own stack whole, and to each other stack it touches with that stack's rows only.
 */
export function picturesOfStacks(picture: TrustPicture): Map<string, TrustPicture> {
  const pages = new Map<string, IdentityFacts[]>();
  const add = (stack: string, identity: IdentityFacts) => {
    const page = pages.get(stack);
    if (page) page.push(identity);
    else pages.set(stack, [identity]);
  };
  for (const identity of picture.identities) {
    add(identity.stack, identity);
    const rows = [...identity.trusts, ...identity.grants, ...identity.azureRoles, ...identity.azureDevOps, ...identity.signIns, ...identity.pipelines];
    const others = new Set(rows.map((r) => r.stack).filter((stack) => stack !== identity.stack));
    for (const stack of [...others].sort(compare)) {
      const inStack = <T extends { stack: string }>(list: T[]) => list.filter((r) => r.stack === stack);
      add(stack, {
        ...identity, trusts: inStack(identity.trusts), grants: inStack(identity.grants), azureRoles: inStack(identity.azureRoles),
        azureDevOps: inStack(identity.azureDevOps), signIns: inStack(identity.signIns), pipelines: inStack(identity.pipelines), wornBy: [],
      });
    }
  }
  return new Map([...pages].map(([stack, identities]) => [stack, { identities }]));
}
