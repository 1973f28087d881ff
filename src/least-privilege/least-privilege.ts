import { IConstruct } from 'constructs';
import { TerraformDataSource, TerraformElement, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { GraphPermissions } from '../permissions/graph-permissions';
import { isLiteral } from '../private/problems';
import { resolveIn } from '../private/resolve';
import { catalogVersion, declaredPermissions, providerOfType } from './catalog';
import { coveringIn, leastForReading, leastForWriting, readFormOf, withoutCovered } from './rule';
import { conform, pathOf } from '../private/shape';

/** Options of `LeastPrivilege.requiredBy`. */
export interface LeastPrivilegeOptions {
  /**
   * Object ID of the principal that will run Terraform. When it is known and an application's
   * `owners` are given without it, an owner-only permission (`Application.ReadWrite.OwnedBy`)
   * cannot hold, and the next alternative is chosen.
   * @default - unknown: owner-only permissions are chosen, with a note
   */
  readonly principalId?: string;
}

interface RequirementFacts {
  readonly application: string[];
  readonly plan: string[];
  readonly unknown: string[];
  readonly notes: string[];
  readonly versionWarnings: string[];
  readonly reasons: Map<string, string[]>;
}

/**
 * The Microsoft Graph application permissions a set of Terraform resources and data sources needs,
 * with the resources that need each one. See `LeastPrivilege.requiredBy`.
 *
 * @example
 * const needs = LeastPrivilege.requiredBy(workloadStack);
 * needs.reasonsFor(needs.applicationPermissions[0]);
 */
export class RequiredGraphPermissions {
  /** What plan and apply need together, sorted. */
  public readonly applicationPermissions: string[];
  /** What a read-only plan needs, sorted. */
  public readonly planPermissions: string[];
  /** Types of microsoft365 or azuread that the catalog does not know, keyed as addresses are (`type` or `data.type`), sorted. */
  public readonly unknownTypes: string[];
  /** Conditions and caveats that travel with the result, one sentence each, sorted. */
  public readonly notes: string[];
  /** Provider blocks whose version differs from the version the catalog was read from. */
  public readonly versionWarnings: string[];
  private readonly reasons: Map<string, string[]>;

  /** @internal */
  public static _of(facts: RequirementFacts): RequiredGraphPermissions {
    return new RequiredGraphPermissions(facts);
  }

  private constructor(facts: RequirementFacts) {
    this.applicationPermissions = facts.application;
    this.planPermissions = facts.plan;
    this.unknownTypes = facts.unknown;
    this.notes = facts.notes;
    this.versionWarnings = facts.versionWarnings;
    this.reasons = facts.reasons;
  }

  /**
   * The addresses of the resources and data sources that need `permission`, sorted; empty for a
   * permission nothing needs.
   *
   * @param permission an application permission name, e.g. `Group.Read.All`
   */
  public reasonsFor(permission: string): string[] {
    conform('', 'RequiredGraphPermissions.reasonsFor', [permission]);
    return [...(this.reasons.get(permission) ?? [])];
  }

  /**
   * The result as a Markdown page for whoever consents to the permissions: each permission with its
   * privilege tier and the resources that need it, then the notes and the types nobody could judge.
   *
   * @param title the page's heading
   */
  public toMarkdown(title: string): string {
    conform('', 'RequiredGraphPermissions.toMarkdown', [title]);
    const lines = [`# ${title}`, '', 'Microsoft Graph application permissions, worked out by cdktf-azure-identity from the Terraform types'
      + ' in the configuration and the permissions their providers declare.', ''];
    if (this.applicationPermissions.length === 0) lines.push('Nothing here needs a Microsoft Graph application permission.');
    else {
      lines.push('| Permission | Privilege tier | Plan | Needed by |', '| --- | --- | --- | --- |');
      for (const permission of this.applicationPermissions) {
        lines.push(`| ${permission} | ${tierOrUnknown(permission)} | ${this.planPermissions.includes(permission) ? 'yes' : 'apply only'} | ${this.reasonsFor(permission).join(', ')} |`);
      }
    }
    if (this.notes.length) lines.push('', '## Notes', '', ...this.notes.map((n) => `- ${n}`));
    if (this.unknownTypes.length) lines.push('', '## Types the catalog does not know', '', ...this.unknownTypes.map((t) => `- ${t}`));
    if (this.versionWarnings.length) lines.push('', '## Provider versions', '', ...this.versionWarnings.map((w) => `- ${w}`));
    lines.push('');
    return lines.join('\n');
  }
}

function tierOrUnknown(permission: string): string {
  return GraphPermissions.isKnownAppRole(permission) ? GraphPermissions.privilegeTier(permission) : 'unknown';
}

/**
 * The least Microsoft Graph permissions a stack's Terraform needs, worked out from the types in it
 * and what their providers declare (microsoft365's per-type permission lists and azuread's "API
 * Permissions" sections, read at the versions the library pins; see `provider-permissions.generated.ts`).
 *
 * @example
 * const needs = LeastPrivilege.requiredBy(workloadStack);
 * needs.applicationPermissions; // ['DeviceManagementConfiguration.ReadWrite.All', 'Group.Read.All']
 * needs.reasonsFor('Group.Read.All'); // ['microsoft365_graph_beta_groups_group.Pilot']
 */
export class LeastPrivilege {
  /**
   * What the Terraform resources and data sources under `scope` need from Microsoft Graph, as the
   * tree stands when called. Types of other providers are ignored.
   *
   * @param scope a stack, or any construct whose subtree holds resources and data sources
   * @param options who will run Terraform, to judge owner-only alternatives
   */
  public static requiredBy(scope: IConstruct, options: LeastPrivilegeOptions = {}): RequiredGraphPermissions {
    conform(pathOf(scope, undefined), 'LeastPrivilege.requiredBy', [scope, options]);
    return LeastPrivilege._requiredBy(scope, options, () => true);
  }

  /**
   * What the elements under `scope` that `includes` accepts need: the resources one provider block
   * manages, for the check that the identity it signs in as holds what they need.
   * @internal
   */
  public static _requiredBy(scope: IConstruct, options: LeastPrivilegeOptions, includes: (element: TerraformResource | TerraformDataSource) => boolean): RequiredGraphPermissions {
    const plan = new Needs();
    const apply = new Needs();
    const unknown = new Set<string>();
    const notes = new Set<string>();
    const elements = scope.node.findAll()
      .filter((c): c is TerraformResource | TerraformDataSource => (c instanceof TerraformResource || c instanceof TerraformDataSource) && includes(c));
    const attributes = new AttributeReader(elements);
    for (const element of elements) {
      const type = (element as TerraformResource | TerraformDataSource).terraformResourceType;
      if (!providerOfType(type)) continue;
      const key = element instanceof TerraformDataSource ? `data.${type}` : type;
      const address = element instanceof TerraformDataSource ? `data.${type}.${element.friendlyUniqueId}` : `${type}.${element.friendlyUniqueId}`;
      const declared = declaredPermissions(key);
      if (!declared) {
        unknown.add(key);
        continue;
      }
      for (const note of declared.notes ?? []) notes.add(`${key}: ${note}`);
      if (declared.provider === 'microsoft365') {
        const read = leastForReading(declared.read ?? []);
        plan.add(read, address);
        apply.add(withoutCovered([...read, ...leastForWriting(declared.write ?? [])]), address);
        continue;
      }
      const chosen = chooseAlternative(declared.alternatives, declared.conditions ?? {}, attributes.ownersOf(element), options.principalId);
      if (chosen.note) notes.add(`${address}: ${chosen.note}`);
      const roles = chosen.roles;
      apply.add(roles, address);
      plan.add(element instanceof TerraformDataSource ? roles : roles.map((r) => readFormOf(r, GraphPermissions.isKnownAppRole)), address);
    }
    const application = apply.least();
    const planned = plan.least();
    for (const permission of application.filter((p) => !GraphPermissions.isKnownAppRole(p))) {
      notes.add(`${permission} is not a Microsoft Graph application permission (delegated-only or unknown), so an app-only identity cannot hold it; `
        + `needed by ${apply.reasonsFor(permission).join(', ')}`);
    }
    return RequiredGraphPermissions._of({
      application: application.filter(GraphPermissions.isKnownAppRole),
      plan: planned.filter(GraphPermissions.isKnownAppRole),
      unknown: [...unknown].sort(),
      notes: [...notes].sort(),
      versionWarnings: versionWarnings(elements),
      reasons: apply.reasonMap(application),
    });
  }

  private constructor() {}
}

/** Permissions and the addresses that need each, folded so that a covered permission's reasons move to the one that covers it. */
class Needs {
  private readonly byPermission = new Map<string, Set<string>>();

  public add(permissions: readonly string[], address: string): void {
    for (const permission of permissions) {
      const addresses = this.byPermission.get(permission) ?? new Set<string>();
      this.byPermission.set(permission, addresses.add(address));
    }
  }

  public least(): string[] {
    return withoutCovered([...this.byPermission.keys()]);
  }

  public reasonsFor(permission: string): string[] {
    return [...(this.byPermission.get(permission) ?? [])].sort();
  }

  public reasonMap(kept: string[]): Map<string, string[]> {
    const reasons = new Map<string, Set<string>>();
    for (const [permission, addresses] of this.byPermission) {
      const holder = coveringIn(kept, permission);
      if (!holder) continue;
      const set = reasons.get(holder) ?? new Set<string>();
      for (const address of addresses) set.add(address);
      reasons.set(holder, set);
    }
    return new Map([...reasons].map(([p, set]) => [p, [...set].sort()]));
  }
}

/**
 * azuread's first alternative, unless it holds a role whose condition cannot hold: an owner-only
 * role when the application's owners are given, the principal's object ID is known, and it is not
 * among them.
 */
function chooseAlternative(
  alternatives: ReadonlyArray<readonly string[]> | null | undefined, conditions: { readonly [role: string]: string },
  owners: string[] | undefined, principalId: string | undefined,
): { roles: string[]; note?: string } {
  if (!alternatives || alternatives.length === 0) return { roles: [], note: 'its provider\'s docs state no permissions' };
  const ownerOnlyCannotHold = owners !== undefined && isLiteral(principalId) && owners.every(isLiteral)
    && !owners.map((o) => o.toLowerCase()).includes(principalId.toLowerCase());
  for (const [i, set] of alternatives.entries()) {
    const blocked = set.filter((role) => conditions[role] !== undefined && /owner/i.test(conditions[role]) && ownerOnlyCannotHold);
    if (blocked.length && i < alternatives.length - 1) continue;
    const skipped = i > 0 ? `${alternatives.slice(0, i).map((s) => s.join(' + ')).join(', ')} cannot hold: the owners given do not include ${principalId}; ` : '';
    const held = set.filter((role) => conditions[role] !== undefined).map((role) => `${role} holds only if ${conditions[role]}`);
    const note = [skipped && `${skipped}chose ${set.join(' + ')}`, ...held].filter(Boolean).join('; ');
    return { roles: [...set], note: note || undefined };
  }
  return { roles: [] };
}

/**
 * The resolved `owners` of the application (or service principal) an element manages, when the
 * element is one or points at one by reference within the analysed scope.
 */
class AttributeReader {
  private readonly byAddress = new Map<string, TerraformElement>();

  constructor(elements: TerraformElement[]) {
    for (const element of elements) {
      if (element instanceof TerraformResource) this.byAddress.set(`${element.terraformResourceType}.${element.friendlyUniqueId}`, element);
    }
  }

  public ownersOf(element: TerraformElement): string[] | undefined {
    const own = this.attributes(element);
    if (Array.isArray(own.owners)) return own.owners.map(String);
    for (const value of [own.application_id, own.client_id, own.service_principal_id]) {
      const target = typeof value === 'string' ? /^\$\{(azuread_[a-z_]+\.[A-Za-z0-9_-]+)\./.exec(value)?.[1] : undefined;
      const referenced = target ? this.byAddress.get(target) : undefined;
      if (referenced && referenced !== element) return this.ownersOf(referenced);
    }
    return undefined;
  }

  private attributes(element: TerraformElement): { [name: string]: unknown } {
    const json = resolveIn(element, element.toTerraform()) as { resource?: any; data?: any };
    const byType = json.resource ?? json.data ?? {};
    const byId = Object.values(byType)[0] as { [id: string]: { [name: string]: unknown } } | undefined;
    return byId ? Object.values(byId)[0] ?? {} : {};
  }
}

/** Provider blocks of the elements' stacks whose version is not the one the catalog was read from. */
function versionWarnings(elements: TerraformElement[]): string[] {
  const stacks = new Set(elements.map((e) => TerraformStack.of(e)));
  const warnings: string[] = [];
  for (const stack of stacks) {
    for (const provider of stack.node.findAll().filter((c): c is TerraformProvider => c instanceof TerraformProvider)) {
      const name = provider.terraformResourceType;
      const expected = catalogVersion(name);
      const actual = provider.terraformGeneratorMetadata?.providerVersion;
      if (expected && actual && actual.replace(/^[=v\s]+/, '') !== expected) {
        warnings.push(`${provider.node.path} uses ${name} ${actual}, but the least-privilege catalog was read from ${name} ${expected}: `
          + 'a type may need other permissions in that version');
      }
    }
  }
  return warnings.sort();
}
