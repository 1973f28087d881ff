import * as fs from 'fs';
import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { resolve } from 'cdktf/lib/_tokens';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { FederatedCredential } from '../federation/federated-credential';
import { FlexibleFederatedCredential } from '../federation/flexible-federated-credential';
import { FIRST_PARTY_APP_IDS } from '../permissions/graph-catalog.generated';
import { tierOf } from '../permissions/graph-permissions';
import { AppRoleGrant } from '../permissions/app-role-grant';
import { AzureRoleAssignment } from '../permissions/azure-role-assignment';
import { DelegatedPermissionGrant } from '../permissions/delegated-permission-grant';
import { IEntraPrincipal, PrincipalKind } from '../core/principal';
import { RequiredAppRoleGrant } from '../least-privilege/required-app-role-grant';

interface TrustRow { identity: IEntraPrincipal; platform: string; issuer: string; subject: string; audience: string; name: string }
interface GrantRow { identity: IEntraPrincipal; api: string; permission: string; tier: string; neededBy?: string[] }
interface RoleRow { identity: IEntraPrincipal; role: string; scope: string }

const API_NAMES: { [appId: string]: string } = {
  [FIRST_PARTY_APP_IDS.MICROSOFT_GRAPH]: 'Microsoft Graph',
  [FIRST_PARTY_APP_IDS.AZURE_DEVOPS]: 'Azure DevOps',
  [FIRST_PARTY_APP_IDS.SHAREPOINT_ONLINE]: 'SharePoint Online',
  [FIRST_PARTY_APP_IDS.EXCHANGE_ONLINE]: 'Exchange Online',
};

const KIND_LABELS: { [kind: string]: string } = {
  [PrincipalKind.USER_ASSIGNED_IDENTITY]: 'user-assigned identity',
  [PrincipalKind.SYSTEM_ASSIGNED_IDENTITY]: 'system-assigned identity',
  [PrincipalKind.APPLICATION]: 'app registration',
};

/**
 * A review page for a stack: every trust (who may sign in as which identity) and every grant (what
 * each identity may do, with its privilege tier), as a Mermaid flowchart and tables. Written to
 * `<outdir>/stacks/<stack>/trust-report.md` when the app synthesizes. The text is deterministic:
 * rows are sorted, and values known only to Terraform appear as their `${...}` references.
 *
 * @example
 * TrustReport.of(app); // after the stacks are defined
 * app.synth();
 */
export class TrustReport extends Construct {
  /**
   * Adds a report to every stack under `scope` (call it once the stacks exist).
   *
   * @param scope the app, or any construct whose stacks should have a report
   */
  public static of(scope: IConstruct): void {
    for (const stack of scope.node.findAll().filter(TerraformStack.isStack)) {
      if (!stack.node.tryFindChild('TrustReport')) new TrustReport(stack, 'TrustReport');
    }
  }

  /** The report's file name, beside the stack's `cdk.tf.json`. */
  public static readonly FILE_NAME = 'trust-report.md';

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   */
  constructor(scope: TerraformStack, id: string) {
    super(scope, id);
    addCustomSynthesis(this, {
      onSynthesize: (session) => {
        const dir = path.join(session.outdir, session.manifest.forStack(scope).workingDirectory);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, TrustReport.FILE_NAME), this.markdown);
      },
    });
  }

  /** The report as Markdown. */
  public get markdown(): string {
    return renderReport(TerraformStack.of(this));
  }
}

function renderReport(stack: TerraformStack): string {
  const show = (value: string) => String(resolve(stack, value));
  const nodes = stack.node.findAll();
  const trusts: TrustRow[] = [];
  const grants: GrantRow[] = [];
  const roles: RoleRow[] = [];
  for (const node of nodes) {
    if (node instanceof FederatedCredential) {
      const { platform, issuer, subject, audience } = node.trust;
      trusts.push({ identity: node.target, platform, issuer: show(issuer), subject: show(subject), audience: show(audience), name: show(node.name) });
    } else if (node instanceof FlexibleFederatedCredential) {
      trusts.push({ identity: node.target, platform: 'Flexible', issuer: show(node.trust.issuer), subject: show(node.trust.claimsMatchingExpression), audience: show(node.trust.audience), name: show(node.name) });
    } else if (node instanceof AppRoleGrant) {
      const appId = show(node.resourceAppId).toLowerCase();
      const isGraph = appId === FIRST_PARTY_APP_IDS.MICROSOFT_GRAPH;
      // A grant worked out from a configuration knows which resources need each permission.
      const required = node.node.scope instanceof RequiredAppRoleGrant ? node.node.scope.requirements : undefined;
      for (const permission of node.permissions) {
        grants.push({
          identity: node.principal, api: API_NAMES[appId] ?? appId, permission, tier: isGraph ? tierOf(permission) : 'not classified',
          neededBy: required?.reasonsFor(permission),
        });
      }
    } else if (node instanceof DelegatedPermissionGrant) {
      for (const scope of node.scopes) grants.push({ identity: node.principal, api: 'Microsoft Graph', permission: scope, tier: 'delegated' });
    } else if (node instanceof AzureRoleAssignment) {
      roles.push({ identity: node.principal, role: show(node.role), scope: show(node.armScope) });
    }
  }

  const identities = new Map<string, IEntraPrincipal>();
  for (const node of nodes) if (isPrincipal(node)) identities.set(node.node.path, node);
  for (const row of [...trusts, ...grants, ...roles]) identities.set(row.identity.node.path, row.identity);
  const ordered = [...identities.keys()].sort();
  const nodeId = new Map(ordered.map((p, i) => [p, `I${i + 1}`]));
  const label = (identity: IEntraPrincipal) => `${identityName(identity, show)} (${KIND_LABELS[identity.principalKind] ?? identity.principalKind})`;
  const byIdentity = <T extends { identity: IEntraPrincipal }>(rows: T[], key: (row: T) => string) =>
    [...rows].sort((a, b) => compare(a.identity.node.path, b.identity.node.path) || compare(key(a), key(b)));

  const lines: string[] = [
    `# Trust report: ${stack.node.id}`,
    '',
    'Who may sign in as each identity, and what each identity may do. Written by cdktf-azure-identity at synth time;',
    'values written `${...}` are Terraform references, known after apply.',
    '',
    '```mermaid',
    'flowchart LR',
  ];
  for (const p of ordered) lines.push(`  ${nodeId.get(p)}["${mermaid(label(identities.get(p)!))}"]`);
  byIdentity(trusts, (t) => t.subject).forEach((t, i) => {
    lines.push(`  T${i + 1}["${mermaid(`${t.platform}: ${t.subject}`)}"] -->|"${mermaid(t.issuer)}"| ${nodeId.get(t.identity.node.path)}`);
  });
  byIdentity(grants, (g) => `${g.api} ${g.permission}`).forEach((g, i) => {
    lines.push(`  ${nodeId.get(g.identity.node.path)} --> P${i + 1}["${mermaid(`${g.api}: ${g.permission} (${g.tier})`)}"]`);
  });
  byIdentity(roles, (r) => `${r.role} ${r.scope}`).forEach((r, i) => {
    lines.push(`  ${nodeId.get(r.identity.node.path)} --> R${i + 1}["${mermaid(`Azure role: ${r.role}`)}"]`);
  });
  lines.push('```', '');

  lines.push('## Identities', '', '| Identity | Kind | Construct |', '| --- | --- | --- |');
  for (const p of ordered) {
    const identity = identities.get(p)!;
    lines.push(row([identityName(identity, show), KIND_LABELS[identity.principalKind] ?? identity.principalKind, p]));
  }
  lines.push('', '## Trusts', '');
  if (trusts.length) {
    lines.push('| Identity | Platform | Issuer | Subject | Audience | Credential |', '| --- | --- | --- | --- | --- | --- |');
    for (const t of byIdentity(trusts, (x) => x.subject)) lines.push(row([identityName(t.identity, show), t.platform, t.issuer, t.subject, t.audience, t.name]));
  } else {
    lines.push('No federated credentials.');
  }
  lines.push('', '## Permissions', '');
  if (grants.length) {
    const withReasons = grants.some((g) => g.neededBy);
    lines.push(`| Identity | API | Permission | Privilege tier |${withReasons ? ' Needed by |' : ''}`, `| --- | --- | --- | --- |${withReasons ? ' --- |' : ''}`);
    for (const g of byIdentity(grants, (x) => `${x.api} ${x.permission}`)) {
      const cells = [identityName(g.identity, show), g.api, g.permission, g.tier];
      lines.push(row(withReasons ? [...cells, g.neededBy?.join(', ') ?? 'granted by name'] : cells));
    }
  } else {
    lines.push('No app role or delegated permission grants.');
  }
  if (roles.length) {
    lines.push('', '## Azure roles', '', '| Identity | Role | Scope |', '| --- | --- | --- |');
    for (const r of byIdentity(roles, (x) => `${x.role} ${x.scope}`)) lines.push(row([identityName(r.identity, show), r.role, r.scope]));
  }
  lines.push('');
  return lines.join('\n');
}

function isPrincipal(node: IConstruct): node is IEntraPrincipal {
  const candidate = node as Partial<IEntraPrincipal>;
  return typeof candidate.principalKind === 'string' && candidate.principalKind in KIND_LABELS && typeof candidate.principalId === 'string';
}

function identityName(identity: IEntraPrincipal, show: (v: string) => string): string {
  return show(identity.displayName);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mermaid(text: string): string {
  return text.replace(/"/g, '#quot;');
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
}
