import { Fn } from 'cdktf';
import { PrincipalKind, SystemAssignedIdentity } from '../../src';
import { PRINCIPAL_ID, TENANT_ID, newStack, synthJson } from '../util';

describe('SystemAssignedIdentity.fromPrincipalId', () => {
  test('refers to the identity and emits nothing', () => {
    const stack = newStack();
    const identity = SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    expect(identity.principalId).toBe(PRINCIPAL_ID);
    expect(identity.tenantId).toBe(TENANT_ID);
    expect(identity.principalKind).toBe(PrincipalKind.SYSTEM_ASSIGNED_IDENTITY);
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test('accepts a VM identity reference', () => {
    const stack = newStack();
    expect(() => SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', {
      principalId: Fn.lookup(Fn.element(Fn.tolist(['x']), 0), 'principal_id'),
      tenantId: Fn.lower('t'),
    })).not.toThrow();
  });

  test.each([
    ['principalId', 'vm-principal', 'principal ID must be a GUID'],
    ['tenantId', 'contoso.com', 'tenant ID must be a GUID'],
  ])('rejects %s %j', (key, value, message) => {
    const attrs = { principalId: PRINCIPAL_ID, tenantId: TENANT_ID, [key]: value };
    expect(() => SystemAssignedIdentity.fromPrincipalId(newStack(), 'Vm', attrs))
      .toThrow(new RegExp(`^test/Vm: invalid ${key} "${value}": ${message}\\. Fix: `));
  });
});
