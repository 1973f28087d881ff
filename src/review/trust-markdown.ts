import { TrustPicture } from './trust-model';

/**
 * The trust picture as Markdown: a Mermaid flowchart (who may sign in, as which identity, with which
 * rights) and the tables behind it. A pure function of the picture, so that `trust-report.md` and
 * `trust-report.json` always say the same.
 */
export function renderTrustMarkdown(title: string, picture: TrustPicture): string {
  const lines = [
    `# ${title}`,
    '',
    'Who may sign in as each identity, from where, and with which rights; and which provider blocks sign in as it.',
    'Written by cdktf-azure-identity at synth time. A reference is shown as the Terraform address it points to,',
    'known after apply. In the diagram, solid arrows come from the tokens an identity trusts, dotted arrows from',
    'the provider blocks that sign in as it, and arrows out lead to what it may do; tier 0 (a known path to Global',
    'Administrator) is drawn in red. Long values break only at ":" or "/", and the tables hold them whole.',
    '',
    ...mermaid(picture),
    '',
    '## Identities',
    '',
  ];
  if (picture.identities.length === 0) lines.push('No identities.');
  else {
    lines.push('| Identity | Kind | Stack | Construct |', '| --- | --- | --- | --- |');
    for (const i of picture.identities) lines.push(row([i.name, i.kind, i.stack, i.construct]));
  }
  section(lines, 'Trusts', 'No federated credentials.', ['Identity', 'Platform', 'Issuer', 'Subject', 'Audience', 'Credential'],
    picture.identities.flatMap((i) => i.trusts.map((t) => [i.name, t.platform, t.issuer, t.subject, t.audience, t.credential])));
  section(lines, 'Permissions', 'No app role or delegated permission grants.', ['Identity', 'API', 'Permission', 'Privilege tier', 'Needed by'],
    picture.identities.flatMap((i) => i.grants.map((g) => [i.name, g.api, g.permission, g.tier, g.neededBy.join(', ') || 'granted by name'])));
  section(lines, 'Azure roles', 'No Azure role assignments.', ['Identity', 'Role', 'Scope'],
    picture.identities.flatMap((i) => i.azureRoles.map((r) => [i.name, r.role, r.scope])));
  section(lines, 'Azure DevOps', 'No Azure DevOps entitlements.', ['Identity', 'Access level', 'Stack'],
    picture.identities.flatMap((i) => i.azureDevOps.map((d) => [i.name, d.accessLevel, d.stack])));
  section(lines, 'Sign-ins', 'No provider block signs in as these identities.', ['Identity', 'Stack', 'Provider', 'Auth method', 'Runner', 'Trust used', 'Rights'],
    picture.identities.flatMap((i) => i.signIns.map((s) => [i.name, s.stack, s.provider, s.method, s.runner, s.trust, s.rights])));
  section(lines, 'Pipelines', 'No pipeline is told to sign in as these identities.', ['Identity', 'Platform', 'Where', 'Settings', 'Stack'],
    picture.identities.flatMap((i) => (i.pipelines ?? []).map((p) => [i.name, p.platform, p.place, p.settings, p.stack])));
  section(lines, 'Worn by', 'No resource of this app wears these identities.', ['Identity', 'Resource'],
    picture.identities.flatMap((i) => (i.wornBy ?? []).map((w) => [i.name, w])));
  lines.push('');
  return lines.join('\n');
}

function section(lines: string[], heading: string, empty: string, header: string[], rows: string[][]): void {
  lines.push('', `## ${heading}`, '');
  if (rows.length === 0) {
    lines.push(empty);
    return;
  }
  lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(row));
}

/**
 * Left to right: what signs in (trusts and provider blocks), the identity, what it may do. The
 * wrapping width is wide enough that Mermaid never breaks a line by itself (a subject broken at a
 * hyphen reads as two values); the library breaks long values at ":" and "/" only, so that the
 * examples fit an 880-pixel column at 13-pixel text.
 */
function mermaid(picture: TrustPicture): string[] {
  const out = ['```mermaid', '---', 'config:', '  theme: base', '  themeVariables:', '    fontSize: 13px',
    '  flowchart:', '    wrappingWidth: 880', '    rankSpacing: 32', '    nodeSpacing: 16', '---', 'flowchart LR',
    '  classDef identity fill:#e8f0fe,stroke:#1a73e8,color:#0b3d91',
    '  classDef trust fill:#fef7e0,stroke:#b06000,color:#202124',
    '  classDef signin fill:#f1f3f4,stroke:#5f6368,color:#202124',
    '  classDef right fill:#ffffff,stroke:#5f6368,color:#202124',
    '  classDef tier0 fill:#fdecea,stroke:#c5221f,stroke-width:3px,color:#a50e0e',
    '  classDef lacking fill:#fdecea,stroke:#c5221f,stroke-width:3px,color:#a50e0e'];
  if (picture.identities.length === 0) {
    out.push('  none["No identities"]', '```');
    return out;
  }
  const tier0: string[] = [];
  for (const identity of picture.identities) {
    const id = identity.key;
    out.push(`  ${id}["${label(identity.name, identity.kind)}"]:::identity`);
    identity.trusts.forEach((t, i) => out.push(`  ${id}T${i + 1}["${label(t.platform, t.subject)}"]:::trust --> ${id}`));
    identity.signIns.forEach((s, i) => {
      const lines = [`${s.provider} in ${s.stack}`, s.method, ...(s.runner === 'not given' ? [] : [`from ${s.runner}`]), ...(s.lacksRights ? ['signs in, lacks rights'] : [])];
      out.push(`  ${id}S${i + 1}["${label(...lines)}"]:::${s.lacksRights ? 'lacking' : 'signin'} -.-> ${id}`);
    });
    const worn = identity.wornBy ?? [];
    if (worn.length) out.push(`  ${id}W["${label(`worn by ${worn.length} resource${worn.length === 1 ? '' : 's'}`)}"]:::signin -.-> ${id}`);
    identity.grants.forEach((g, i) => {
      out.push(`  ${id} --> ${id}P${i + 1}["${label(g.api, g.permission, g.tier)}"]:::right`);
      if (g.tier === 'Tier 0') tier0.push(`${id}P${i + 1}`);
    });
    identity.azureRoles.forEach((r, i) => out.push(`  ${id} --> ${id}R${i + 1}["${label(`Azure role ${r.role}`, r.scope)}"]:::right`));
    identity.azureDevOps.forEach((d, i) => out.push(`  ${id} --> ${id}D${i + 1}["${label('Azure DevOps member', d.accessLevel)}"]:::right`));
  }
  if (tier0.length) out.push(`  class ${tier0.join(',')} tier0`);
  out.push('```');
  return out;
}

/** One line per value, a long value broken only at ":" or "/"; characters Mermaid reads as markup are escaped. */
function label(...parts: string[]): string {
  return parts.flatMap(breakValue).map(escape).join('<br/>');
}

/** The longest line a label keeps whole. */
const LINE = 40;

/** A long value's lines, each ending at a ":" or "/" of the value: a segment is never broken. */
function breakValue(value: string): string[] {
  if (value.length <= LINE) return [value];
  const segments = value.match(/[^:/]*[:/]|[^:/]+$/g) ?? [value];
  const lines: string[] = [];
  let current = '';
  for (const segment of segments) {
    if (current && current.length + segment.length > LINE) {
      lines.push(current);
      current = '';
    }
    current += segment;
  }
  if (current) lines.push(current);
  return lines;
}

function escape(text: string): string {
  return text.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
}
