import { Fn, TerraformStack, Testing } from 'cdktf';
import { ValidationError } from '../../src/core/validation-error';
import {
  clientIdRule, displayNameRule, identityNameRule, identityResourceIdRule, parseIdentityResourceId, tenantIdRule,
} from '../../src/private/rules';
import { check } from '../../src/private/problems';
import { IDENTITY_RESOURCE_ID, SUBSCRIPTION_ID, TENANT_ID, thrownBy } from '../util';

describe('rules', () => {
  test.each([
    TENANT_ID,
    TENANT_ID.toUpperCase(),
  ])('accepts the GUID %s', (value) => expect(tenantIdRule(value)).toBeUndefined());

  test.each([
    '', 'x', `${TENANT_ID}0`, TENANT_ID.replace(/-/g, ''), `{${TENANT_ID}}`, ` ${TENANT_ID}`, 'zzzzzzzz-2222-3333-4444-555555555555',
  ])('rejects the GUID %j', (value) => expect(clientIdRule(value)?.problem).toBe('client ID must be a GUID'));

  test('parses an identity resource ID, case-insensitively as ARM does', () => {
    expect(parseIdentityResourceId(IDENTITY_RESOURCE_ID)).toEqual({
      subscriptionId: SUBSCRIPTION_ID, resourceGroupName: 'rg-identity', name: 'id-intune-ci',
    });
    expect(identityResourceIdRule(IDENTITY_RESOURCE_ID.replace('resourceGroups', 'resourcegroups'))).toBeUndefined();
    expect(identityResourceIdRule(`${IDENTITY_RESOURCE_ID}/`)).toBeDefined();
  });

  test.each(['abc', 'a'.repeat(128), 'id-intune_ci', '0ab'])('accepts the identity name %j', (name) => {
    expect(identityNameRule(name)).toBeUndefined();
  });

  test('display names must have a visible character', () => {
    expect(displayNameRule('\t')).toBeDefined();
    expect(displayNameRule('x')).toBeUndefined();
  });
});

describe('check', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');

  test('throws the library error type with path, value, problem and fix', () => {
    const error = thrownBy(() => check(stack, 'tenantId', 'nope', tenantIdRule));
    expect(ValidationError.isValidationError(error)).toBe(true);
    expect((error as ValidationError).constructPath).toBe('stack');
    expect((error as Error).message).toMatch(/^stack: invalid tenantId "nope": tenant ID must be a GUID\. Fix: pass the tenant ID/);
  });

  test('skips undefined and unresolved values', () => {
    expect(() => check(stack, 'tenantId', undefined, tenantIdRule)).not.toThrow();
    expect(() => check(stack, 'tenantId', Fn.lower('X'), tenantIdRule)).not.toThrow();
    expect(() => check(stack, 'tenantId', `prefix-${Fn.lower('X')}`, tenantIdRule)).not.toThrow();
  });

  test('isValidationError is false for other errors', () => {
    expect(ValidationError.isValidationError(new Error('x'))).toBe(false);
    expect(ValidationError.isValidationError('x')).toBe(false);
  });
});
