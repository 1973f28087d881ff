import { Violation, invalid } from '../private/problems';
import { didYouMean, suggestionText } from '../private/suggest';
import type * as GraphCatalog from './graph-catalog.generated';
import { onFirstUse } from '../private/lazy-modules';
import { conform } from '../private/shape';

/**
 * How much a Microsoft Graph application permission lets its holder take over.
 *
 * Tier 0 follows the azure-tiering project's classification of Graph application permissions
 * (github.com/emiliensocchi/azure-tiering, "Microsoft Graph application permissions", tier 0):
 * permissions with a known path to Global Administrator. This library adds the Intune
 * permissions that run code on managed devices or change Intune RBAC.
 */
export enum PrivilegeTier {
  /** A known path to Global Administrator: granting it needs `allowPrivileged: true`. */
  TIER_0 = 'Tier 0',
  /** Changes data or settings (a `ReadWrite`, `Write`, `Send`, `Manage` or `FullControl` permission), with no known path to Global Administrator. */
  TIER_1 = 'Tier 1',
  /** Reads data only. */
  TIER_2 = 'Tier 2',
}

/**
 * Tier 0: azure-tiering's tier 0 (at commit 0f5fed14) plus the Intune and organization-wide
 * permissions this project treats as equally dangerous (Intune scripts and configuration run as
 * SYSTEM on admin workstations; Intune RBAC and conditional access gate admin access).
 */
const TIER_0 = new Set([
  // azure-tiering tier 0
  'AdministrativeUnit.ReadWrite.All', 'Application.ReadWrite.All', 'Application.ReadWrite.OwnedBy',
  'AppRoleAssignment.ReadWrite.All', 'DelegatedAdminRelationship.ReadWrite.All', 'Directory.ReadWrite.All',
  'Domain.ReadWrite.All', 'EntitlementManagement.ReadWrite.All', 'Group.ReadWrite.All', 'GroupMember.ReadWrite.All',
  'OnPremDirectorySynchronization.ReadWrite.All', 'Policy.ReadWrite.AuthenticationMethod', 'Policy.ReadWrite.PermissionGrant',
  'PrivilegedAccess.ReadWrite.AzureAD', 'PrivilegedAccess.ReadWrite.AzureADGroup', 'PrivilegedAccess.ReadWrite.AzureResources',
  'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup', 'PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup',
  'RoleAssignmentSchedule.ReadWrite.Directory', 'RoleEligibilitySchedule.ReadWrite.Directory', 'RoleManagement.ReadWrite.Directory',
  'RoleManagementPolicy.ReadWrite.AzureADGroup', 'RoleManagementPolicy.ReadWrite.Directory', 'Synchronization.ReadWrite.All',
  'User.ReadWrite.All', 'UserAuthenticationMethod.ReadWrite.All',
  // added by this project
  'DeviceManagementConfiguration.ReadWrite.All', 'DeviceManagementRBAC.ReadWrite.All', 'DeviceManagementScripts.ReadWrite.All',
  'Organization.ReadWrite.All', 'Policy.ReadWrite.ConditionalAccess',
]);

const WRITE_VERBS = /(ReadWrite|Write|Send|Manage|FullControl|Create|Delete|Update|Invite|Initiate|EnableDisable|Export|PrivilegedOperations)/;

let appRoles: Map<string, string> | undefined;
let delegatedScopes: Map<string, string> | undefined;

function parse(entries: readonly string[]): Map<string, string> {
  return new Map(entries.map((entry) => entry.split(' ') as [string, string]));
}

/** The generated catalog, loaded on first use so that importing the library stays cheap. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const catalog = onFirstUse((): typeof GraphCatalog => require('./graph-catalog.generated'));

/** Graph app roles by name, parsed on first use (for listing and suggestions; a lookup searches the entries). */
export function graphAppRoles(): Map<string, string> {
  return appRoles ??= parse(catalog().GRAPH_APP_ROLES);
}

export function graphDelegatedScopes(): Map<string, string> {
  return delegatedScopes ??= parse(catalog().GRAPH_DELEGATED_SCOPES);
}

/**
 * The ID of `name` in "Name Id" entries sorted by name (as the generator writes them), by binary
 * search: a process that grants a few permissions then never parses the catalog's 1,500 entries.
 */
export function idIn(entries: readonly string[], name: string): string | undefined {
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const entry = entries[middle];
    const space = entry.indexOf(' ');
    const key = entry.slice(0, space);
    if (key === name) return entry.slice(space + 1);
    if (key < name) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/** The GUID of a Graph application permission, or why the name is wrong and what to use. */
export function lookupAppRole(name: string): { id: string } | Violation {
  const id = idIn(catalog().GRAPH_APP_ROLES, name);
  if (id) return { id };
  if (idIn(catalog().GRAPH_DELEGATED_SCOPES, name) !== undefined) {
    return {
      problem: `"${name}" is a delegated permission of Microsoft Graph, which acts for a signed-in user; it has no application (app role) form`,
      fix: `grant an application permission instead${suggestionText(didYouMean(`${name}.All`, graphAppRoles().keys()))}`
        + ' Delegated permissions belong in AppRegistration apiPermissions.delegatedPermissions',
    };
  }
  return {
    problem: `"${name}" is not a Microsoft Graph application permission in this library's catalog`,
    fix: `check the spelling.${suggestionText(didYouMean(name, graphAppRoles().keys()))} If Microsoft added it after the catalog was exported, pass allowUnknown: true to resolve it at plan time`,
  };
}

export function lookupDelegatedScope(name: string): { id: string } | Violation {
  const id = idIn(catalog().GRAPH_DELEGATED_SCOPES, name);
  if (id) return { id };
  const isAppRole = idIn(catalog().GRAPH_APP_ROLES, name) !== undefined;
  return {
    problem: isAppRole
      ? `"${name}" is an application permission of Microsoft Graph; it has no delegated form`
      : `"${name}" is not a Microsoft Graph delegated permission in this library's catalog`,
    fix: isAppRole ? 'list it under applicationPermissions instead' : `check the spelling.${suggestionText(didYouMean(name, graphDelegatedScopes().keys()))}`,
  };
}

export function tierOf(name: string): PrivilegeTier {
  if (TIER_0.has(name)) return PrivilegeTier.TIER_0;
  // The verb is what follows the resource: "DeviceManagementApps.Read.All" reads, though its resource says "Manage".
  const access = name.slice(name.indexOf('.') + 1);
  return WRITE_VERBS.test(access) ? PrivilegeTier.TIER_1 : PrivilegeTier.TIER_2;
}

/**
 * Application (client) IDs of first-party apps whose permissions the library can grant.
 *
 * @example
 * identity.grantGraphAppRoles('SharePoint', ['Sites.Selected'], { resourceAppId: WellKnownApp.SHAREPOINT_ONLINE });
 */
export class WellKnownApp {
  // Written out, not read from the generated catalog, so that importing the library does not load the
  // catalog; test/permissions/graph-permissions.test.ts checks that they are its FIRST_PARTY_APP_IDS.
  /** Microsoft Graph, `00000003-0000-0000-c000-000000000000`. */
  public static readonly MICROSOFT_GRAPH: string = '00000003-0000-0000-c000-000000000000';
  /** Azure DevOps, `499b84ac-1321-427f-aa17-267ca6975798`. */
  public static readonly AZURE_DEVOPS: string = '499b84ac-1321-427f-aa17-267ca6975798';
  /** Office 365 SharePoint Online, `00000003-0000-0ff1-ce00-000000000000`. */
  public static readonly SHAREPOINT_ONLINE: string = '00000003-0000-0ff1-ce00-000000000000';
  /** Office 365 Exchange Online, `00000002-0000-0ff1-ce00-000000000000`. */
  public static readonly EXCHANGE_ONLINE: string = '00000002-0000-0ff1-ce00-000000000000';

  private constructor() {}
}

/**
 * Microsoft Graph permissions by name, from an offline catalog exported from the Graph service
 * principal. IDs never change once published; permissions newer than the catalog are unknown to it.
 *
 * @example
 * GraphPermissions.appRoleId('User.Read.All'); // 'df021288-bdef-4463-88db-98f22de89214'
 */
export class GraphPermissions {
  /**
   * The app role ID of an application permission. Throws, with suggestions, for an unknown name.
   *
   * @param name the permission's name, e.g. `User.Read.All`
   */
  public static appRoleId(name: string): string {
    conform('', 'GraphPermissions.appRoleId', [name]);
    return orThrow(name, lookupAppRole(name));
  }

  /**
   * The scope ID of a delegated permission. Throws, with suggestions, for an unknown name.
   *
   * @param name the permission's name, e.g. `User.Read.All`
   */
  public static delegatedScopeId(name: string): string {
    conform('', 'GraphPermissions.delegatedScopeId', [name]);
    return orThrow(name, lookupDelegatedScope(name));
  }

  /**
   * Whether the catalog knows `name` as an application permission (exact, case-sensitive).
   *
   * @param name the permission's name, e.g. `User.Read.All`
   */
  public static isKnownAppRole(name: string): boolean {
    conform('', 'GraphPermissions.isKnownAppRole', [name]);
    return idIn(catalog().GRAPH_APP_ROLES, name) !== undefined;
  }

  /**
   * Whether the catalog knows `name` as a delegated permission (exact, case-sensitive).
   *
   * @param name the permission's name, e.g. `User.Read.All`
   */
  public static isKnownDelegatedScope(name: string): boolean {
    conform('', 'GraphPermissions.isKnownDelegatedScope', [name]);
    return idIn(catalog().GRAPH_DELEGATED_SCOPES, name) !== undefined;
  }

  /**
   * How dangerous an application permission is; tier 0 has a known path to Global Administrator.
   * Throws, with suggestions, for a name the catalog does not know: an unknown name has no tier.
   *
   * @param name the application permission's name, e.g. `User.Read.All`
   */
  public static privilegeTier(name: string): PrivilegeTier {
    conform('', 'GraphPermissions.privilegeTier', [name]);
    orThrow(name, lookupAppRole(name));
    return tierOf(name);
  }

  /** The names of every application permission in the catalog, sorted. */
  public static appRoleNames(): string[] {
    return [...graphAppRoles().keys()];
  }

  private constructor() {}
}

function orThrow(name: string, result: { id: string } | Violation): string {
  if ('id' in result) return result.id;
  throw invalid(undefined, { property: 'permission', value: name, ...result });
}
