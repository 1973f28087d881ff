import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { resolve as resolveTokens } from 'cdktf/lib/_tokens';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { AppRegistration, FlexibleTrust, Trust } from '../src';
import { ValidationError } from '../src/core/validation-error';
// Brings the declarations of cdktf's Jest matchers (toHaveResourceWithProperties, ...) into every test.
import 'cdktf/lib/testing/adapters/jest';

export const TENANT_ID = '11111111-2222-3333-4444-555555555555';
export const CLIENT_ID = '22222222-3333-4444-5555-666666666666';
export const PRINCIPAL_ID = '33333333-4444-5555-6666-777777777777';
export const SUBSCRIPTION_ID = '44444444-5555-6666-7777-888888888888';
export const IDENTITY_RESOURCE_ID =
  `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-identity/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-intune-ci`;

/** A stack with the azurerm and azuread providers, so that cdktf's provider-presence check passes. */
export function newStack(id = 'test'): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  addProviders(stack);
  return stack;
}

export function addProviders(scope: Construct): void {
  new AzurermProvider(scope, 'azurerm', { features: [{}] });
  new AzureadProvider(scope, 'azuread', {});
}

/** Synthesizes with validations on and returns the parsed Terraform JSON. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The synthesized JSON string of a stack built by `build`, validations on (for the cdktf matchers). */
export function synthScope(build: (stack: TerraformStack) => void): string {
  const stack = newStack();
  build(stack);
  return Testing.synth(stack, true);
}

/** Resources of one type in a synthesized stack, keyed by logical ID. */
export function resourcesOf(json: any, type: string): { [id: string]: any } {
  return json.resource?.[type] ?? {};
}

export function dataSourcesOf(json: any, type: string): { [id: string]: any } {
  return json.data?.[type] ?? {};
}

/** What `build` throws, or `undefined` when it returns: for tests that inspect the error itself. */
export function thrownBy(build: () => unknown): any {
  try {
    build();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Resolves tokens the way synthesis does, e.g. a client ID to `${azurerm_user_assigned_identity.x.client_id}`. */
export function resolve<T>(scope: Construct, value: T): T {
  return resolveTokens(scope, value);
}


/**
 * Warning annotations on a construct and its children, as `path: message`. The library emits its
 * warnings when the stack synthesizes (grouped per rule), so this runs the stack's aspects first, as
 * synthesis does.
 */
export function warningsOf(scope: Construct): string[] {
  invokeAspects(TerraformStack.of(scope));
  return scope.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === '@cdktf/warn')
    .map((m) => `${c.node.path}: ${m.data}`));
}

/**
 * What the library reports when a trust is added to an app registration (which accepts every kind
 * of trust): each problem as "property: problem", each fix, and the warnings, as a user sees them.
 */
export function reportOf(trust: Trust | FlexibleTrust): { problems: string[]; fixes: string[]; warnings: string[] } {
  const stack = newStack();
  const app = new AppRegistration(stack, 'App', { displayName: 'terraform-ci' });
  try {
    const credential = trust instanceof FlexibleTrust ? app.addFlexibleFederatedCredential('C', trust) : app.addFederatedCredential('C', trust);
    return { problems: [], fixes: [], warnings: warningsOf(credential).map((w) => w.replace(/^\S+: /, '')) };
  } catch (error) {
    if (!ValidationError.isValidationError(error)) throw error;
    const lines = error.message.replace(/^test\/App\/C: /, '').split('\n');
    const parsed = lines.map((line) => /^invalid (.+?) (?:"(?:[^"\\]|\\.)*"|\(not given\)): (.*?)\. Fix: (.*)\.$/s.exec(line));
    if (parsed.some((m) => !m)) throw new Error(`not in the library's message shape: ${error.message}`);
    return { problems: parsed.map((m) => `${m![1]}: ${m![2]}`), fixes: parsed.map((m) => m![3]), warnings: [] };
  }
}
