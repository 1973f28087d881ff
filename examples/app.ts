// Every example in one CDKTF app: what `cdktf synth` (cdktf.json) and `npm run synth` run.
import { App } from 'cdktf';
import { TrustReport } from 'cdktf-azure-identity';
import { examples } from './index';

export function synthesizeExamples(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  for (const example of examples) example.build(app);
  TrustReport.of(app);
  app.synth();
  return app;
}

if (require.main === module) {
  synthesizeExamples();
}
