import { Construct, IConstruct } from 'constructs';
import { IGrantable } from '../core/principal';
import { RequiredAppRoleGrant, RequiredGrantOptions } from '../least-privilege/required-app-role-grant';
import { AppRoleGrant, GrantOptions } from '../permissions/app-role-grant';
import { AzureRoleAssignment, AzureRoleOptions } from '../permissions/azure-role-assignment';

/**
 * The grant methods of anything that stands for a principal, written once: principals and
 * `KeylessWorkload` hand their `grant*` methods to one of these. The grants are made under `owner`,
 * so their addresses stay where each class has always put them.
 */
export class Grants {
  constructor(private readonly owner: Construct, private readonly grantee: IGrantable) {}

  public graphAppRoles(id: string, permissions: string[], options: GrantOptions): AppRoleGrant {
    return new AppRoleGrant(this.owner, id, { ...options, principal: this.grantee, permissions });
  }

  public graphAppRolesRequiredBy(id: string, requiredBy: IConstruct, options: RequiredGrantOptions): RequiredAppRoleGrant {
    return new RequiredAppRoleGrant(this.owner, id, { ...options, principal: this.grantee, requiredBy });
  }

  public azureRole(id: string, options: AzureRoleOptions): AzureRoleAssignment {
    return new AzureRoleAssignment(this.owner, id, { ...options, principal: this.grantee });
  }
}
