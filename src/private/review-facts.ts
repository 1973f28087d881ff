import { IConstruct } from 'constructs';
import { IEntraPrincipal } from '../core/principal';
import { IdentityRoot } from './identity-root';

/**
 * What the trust report shows, pushed into the app's root by each construct as it is made, so that
 * the report reads facts instead of walking the tree and asking each node what class it is. Values
 * are kept as given (tokens included) and resolved, where they are used, when the report is drawn.
 * Plain data and functions only: a copy of the library reads what another copy pushed.
 */
export interface ReviewFacts {
  /** Every principal the app creates or refers to. */
  readonly principals: IEntraPrincipal[];
  readonly trusts: TrustFact[];
  readonly grants: GrantFact[];
  /** Why a worked-out grant grants each permission, by the grant construct. */
  readonly reasons: Map<IConstruct, (permission: string) => string[]>;
  readonly azureRoles: AzureRoleFact[];
  readonly azureDevOps: AzureDevOpsFact[];
  readonly signIns: SignInFact[];
  /** Absent when an older copy of the library made the facts: read it as empty. */
  readonly pipelines?: PipelineFact[];
}

/** The construct a fact comes from: its values resolve in its stack, and its stack is where the fact lives. */
interface Held {
  readonly holder: IConstruct;
}

export interface TrustFact extends Held {
  readonly target: IEntraPrincipal;
  /** The platform (a `TrustPlatform` value) of an exact trust; undefined for a pattern (flexible trust). */
  readonly platform?: string;
  readonly issuer: string;
  /** The subject, or the claims-matching expression of a pattern. */
  readonly subject: string;
  readonly audience: string;
  readonly credential: string;
}

export interface GrantFact extends Held {
  readonly principal: IEntraPrincipal;
  readonly resourceAppId: string;
  readonly permissions: readonly string[];
  /** A delegated grant (OAuth2 scopes for all users) rather than application permissions. */
  readonly delegated: boolean;
}

export interface AzureRoleFact extends Held {
  readonly principal: IEntraPrincipal;
  readonly role: string;
  readonly scope: string;
}

export interface AzureDevOpsFact extends Held {
  readonly principal: IEntraPrincipal;
  /** The license (`express`, `stakeholder`, ...). */
  readonly accessLevel: string;
}

/** How a provider block the library configured signs in. */
export interface SignInFact extends Held {
  /** The provider's kind (`azurerm`, `microsoft365`...). */
  readonly provider: string;
  /** The provider's alias, read when the report is drawn (it may be set after the provider is made). */
  readonly alias: () => string | undefined;
  /** The sign-in method (a `ProviderAuthMethod` value). */
  readonly method: string;
  /** The principal the auth names, when it was given one. */
  readonly identity?: IEntraPrincipal;
  readonly clientId?: string;
  readonly isSystemAssigned: boolean;
  /** Whether the sign-in exchanges a federated token. Absent when an older copy made the fact. */
  readonly federated?: boolean;
  /**
   * Where Terraform runs and the trust its token matches, judged when the report is drawn, for an auth a
   * runner made. Absent without a runner, or when an older copy made the fact.
   */
  readonly chain?: () => { readonly runner: string; readonly trust?: string; readonly matched: boolean };
}

/** One place a pipeline is told to sign in as a principal: GitHub variables, a service connection, HCP workspace variables. */
export interface PipelineFact extends Held {
  readonly principal: IEntraPrincipal;
  /** The platform, as people write it: "GitHub Actions", "Azure DevOps", "HCP Terraform". */
  readonly platform: string;
  /** Where on the platform: the repository and environment, the project and connection, the workspace and phase. */
  readonly place: string;
  /** The settings written there, name and value (references as they are). */
  readonly settings: Array<[string, string]>;
}

/** The app's review facts, created on first use. */
export function reviewFacts(scope: IConstruct): ReviewFacts {
  return IdentityRoot.of(scope).state('review facts@1', (): ReviewFacts => ({
    principals: [], trusts: [], grants: [], reasons: new Map(), azureRoles: [], azureDevOps: [], signIns: [], pipelines: [],
  }));
}

/** Records where a pipeline is told to sign in as a principal (the facts may come from a copy that had no such list). */
export function recordPipeline(fact: PipelineFact): void {
  const facts = reviewFacts(fact.holder) as { pipelines?: PipelineFact[] };
  (facts.pipelines ??= []).push(fact);
}
