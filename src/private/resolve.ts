import { IConstruct } from 'constructs';
import { DefaultTokenResolver, StringConcat, Tokenization } from 'cdktf';

/** Stateless, so one serves every resolution. */
const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * `value` with every token resolved as the stack of `scope` writes it: a literal stays as it is, a
 * reference becomes its Terraform expression (`${azurerm_user_assigned_identity.ci.client_id}`).
 * Through the framework's public `Tokenization`, as any CDK-for-Terraform core exports it.
 */
export function resolveIn<T>(scope: IConstruct, value: T): T {
  return Tokenization.resolve(value, { scope, preparing: false, resolver: RESOLVER }) as T;
}
