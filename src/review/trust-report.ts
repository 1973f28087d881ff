import * as fs from 'fs';
import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { IdentityRoot } from '../private/identity-root';
import { renderTrustMarkdown } from './trust-markdown';
import { TrustPicture, pictureOfStack, picturesOfStacks, trustPicture } from './trust-model';
import { checkedArgs, conform, pathOf } from '../private/shape';

/**
 * The review pages of an app: who may sign in as each identity (its trusts, and every provider block
 * that signs in as it), and what each identity may do (Graph app roles with their privilege tier,
 * other APIs, Azure roles, Azure DevOps entitlements), as a Mermaid flowchart and tables.
 *
 * `TrustReport.of(app)` writes one page for the whole app, `trust-report.md` at the output's root,
 * with its machine-readable twin `trust-report.json` (for policy tooling and diffs in review), and one
 * page per stack, `stacks/<stack>/trust-report.md`, with the part of the picture that stack takes part
 * in. Everything is deterministic.
 *
 * @example
 * TrustReport.of(app); // after the stacks are defined
 * app.synth();
 */
export class TrustReport extends Construct {
  /**
   * Adds a report to every stack under `scope`, and the app-wide report (call it once the stacks exist).
   *
   * @param scope the app, or any construct whose stacks should have a report
   */
  public static of(scope: IConstruct): void {
    conform(pathOf(scope, undefined), 'TrustReport.of', [scope]);
    const stacks = scope.node.findAll().filter(TerraformStack.isStack);
    const reports = stacks.map((stack) => (stack.node.tryFindChild('TrustReport') as TrustReport | undefined) ?? new TrustReport(stack, 'TrustReport'));
    // The last stack to synthesize writes every page, from one picture of the finished app: each
    // stack drawing the whole app for itself would make synth grow with the square of the stacks.
    reports.forEach((report, i) => {
      const last = i === reports.length - 1;
      report.writesPagesOf = last ? reports : [];
      report.writesAppPages = last;
    });
  }

  /** The report's file name, beside each stack's `cdk.tf.json` and at the output's root. */
  public static readonly FILE_NAME = 'trust-report.md';
  /** The app-wide report's machine-readable twin, at the output's root. */
  public static readonly JSON_FILE_NAME = 'trust-report.json';

  /**
   * The reports whose pages this one writes when its stack synthesizes: itself alone, or, for
   * `TrustReport.of`, none (another writes them) or all of them with the app-wide pages.
   */
  private writesPagesOf: TrustReport[] = [this];
  /** Whether this report also writes the app-wide pages: the last of `TrustReport.of`. */
  private writesAppPages = false;

  /**
   * @param scope the stack to report on
   * @param id the construct id, unique within scope
   */
  constructor(scope: TerraformStack, id: string) {
    super(checkedArgs('TrustReport.constructor', [scope, id]), id);
    IdentityRoot.of(this).addFileWriter(TerraformStack.of(this), (session) => {
      if (this.writesPagesOf.length === 0) return;
      const picture = this.picture;
      const pages = picturesOfStacks(picture);
      for (const report of this.writesPagesOf) {
        const stack = TerraformStack.of(report);
        const dir = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, TrustReport.FILE_NAME), renderStackPage(stack, pages.get(stack.node.id)));
      }
      if (this.writesAppPages) {
        fs.writeFileSync(path.join(session.outdir, TrustReport.FILE_NAME), renderTrustMarkdown('Trust report', picture));
        fs.writeFileSync(path.join(session.outdir, TrustReport.JSON_FILE_NAME), `${JSON.stringify(picture, null, 2)}\n`);
      }
    });
  }

  /** This stack's report as Markdown. */
  public get markdown(): string {
    const stack = TerraformStack.of(this);
    return renderStackPage(stack, pictureOfStack(this.picture, stack.node.id));
  }

  /** The whole app's report as Markdown. */
  public get appMarkdown(): string {
    return renderTrustMarkdown('Trust report', this.picture);
  }

  /** The whole app's picture as JSON, as `trust-report.json` holds it. */
  public get appJson(): string {
    return `${JSON.stringify(this.picture, null, 2)}\n`;
  }

  private get picture(): TrustPicture {
    return trustPicture(this.node.root);
  }
}

function renderStackPage(stack: TerraformStack, picture: TrustPicture = { identities: [] }): string {
  return renderTrustMarkdown(`Trust report: ${stack.node.id}`, picture);
}
