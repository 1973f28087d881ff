#!/usr/bin/env node
// Generates src/permissions/graph-catalog.generated.ts from either source a maintainer can get:
//   npm run generate:graph -- graph-sp.json
//     where graph-sp.json is `az ad sp show --id 00000003-0000-0000-c000-000000000000` of any tenant
//   npm run generate:graph -- <dir>
//     with GraphAppRoles.csv, GraphDelegateRoles.csv and MicrosoftApps.csv, the CSV export of the
//     merill/microsoft-info project (https://github.com/merill/microsoft-info)
// The output holds names and IDs only, sorted, so that regenerating from the same data gives the
// same bytes (test/permissions/graph-catalog.test.ts checks this when GRAPH_DATA points at the data).
const fs = require('fs');
const path = require('path');

const OUTPUT = path.resolve(__dirname, '..', 'src', 'permissions', 'graph-catalog.generated.ts');

/**
 * The first-party apps the library names: their app IDs are the same in every tenant. The CSV
 * export is checked against them by display name; the JSON of one service principal cannot be.
 */
const WELL_KNOWN_APPS = [
  ['MICROSOFT_GRAPH', 'Microsoft Graph', '00000003-0000-0000-c000-000000000000'],
  ['AZURE_DEVOPS', 'Azure DevOps', '499b84ac-1321-427f-aa17-267ca6975798'],
  ['SHAREPOINT_ONLINE', 'Office 365 SharePoint Online', '00000003-0000-0ff1-ce00-000000000000'],
  ['EXCHANGE_ONLINE', 'Office 365 Exchange Online', '00000002-0000-0ff1-ce00-000000000000'],
];

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Sorted [name, id] pairs from { value, id } entries; a name with two IDs is an error. */
function permissionTable(entries, where) {
  const byName = new Map();
  for (const { value, id: rawId } of entries) {
    const id = String(rawId).toLowerCase();
    if (!GUID.test(id) || !/^[\w.-]+$/.test(value)) throw new Error(`${where}: unexpected entry ${JSON.stringify({ value, id })}`);
    if (byName.has(value) && byName.get(value) !== id) throw new Error(`${where}: ${value} has two IDs`);
    byName.set(value, id);
  }
  return [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function csvPermissions(file) {
  return permissionTable(parseCsv(fs.readFileSync(file, 'utf8')).map((row) => ({ value: row.Value, id: row.Id })), file);
}

/** The catalog's contents and the header lines naming its source, from a CSV folder or the service principal's JSON. */
function readSource(source) {
  if (fs.statSync(source).isDirectory()) {
    const apps = parseCsv(fs.readFileSync(path.join(source, 'MicrosoftApps.csv'), 'utf8'));
    for (const [, displayName, appId] of WELL_KNOWN_APPS) {
      const ids = [...new Set(apps.filter((a) => a.AppDisplayName === displayName).map((a) => a.AppId.toLowerCase()))];
      if (ids.length !== 1 || ids[0] !== appId) throw new Error(`MicrosoftApps.csv: expected "${displayName}" to be ${appId}, found ${ids.join(', ') || 'none'}`);
    }
    return {
      appRoles: csvPermissions(path.join(source, 'GraphAppRoles.csv')),
      scopes: csvPermissions(path.join(source, 'GraphDelegateRoles.csv')),
      header: [
        '// Source: GraphAppRoles.csv, GraphDelegateRoles.csv and MicrosoftApps.csv exported from the',
        '// Microsoft Graph service principal by the merill/microsoft-info project',
        '// (MIT License, Copyright (c) 2023 Merill Fernando). Names and IDs only.',
      ],
    };
  }
  const sp = JSON.parse(fs.readFileSync(source, 'utf8'));
  if (String(sp.appId).toLowerCase() !== WELL_KNOWN_APPS[0][2]) {
    throw new Error(`${source}: expected the Microsoft Graph service principal (appId ${WELL_KNOWN_APPS[0][2]}), found ${sp.appId}`);
  }
  return {
    appRoles: permissionTable((sp.appRoles ?? []).filter((r) => (r.allowedMemberTypes ?? ['Application']).includes('Application')), `${source} appRoles`),
    scopes: permissionTable(sp.oauth2PermissionScopes ?? [], `${source} oauth2PermissionScopes`),
    header: [
      '// Source: `az ad sp show --id 00000003-0000-0000-c000-000000000000` (appRoles and',
      '// oauth2PermissionScopes of the Microsoft Graph service principal). Names and IDs only.',
    ],
  };
}

function render(source) {
  const { appRoles, scopes, header } = readSource(source);
  const lines = (entries) => entries.map(([name, id]) => `  '${name} ${id}',`).join('\n');
  return `// Generated by \`npm run generate:graph -- <dir>\` (scripts/generate-graph-catalog.js). Do not edit.
${header.join('\n')}

/** Microsoft Graph application permissions (app roles), one "Name Id" per entry, sorted by name: ${appRoles.length}. */
export const GRAPH_APP_ROLES: readonly string[] = [
${lines(appRoles)}
];

/** Microsoft Graph delegated permissions (OAuth2 scopes), one "Name Id" per entry, sorted by name: ${scopes.length}. */
export const GRAPH_DELEGATED_SCOPES: readonly string[] = [
${lines(scopes)}
];

/** Application (client) IDs of first-party Microsoft apps, the same in every tenant. */
export const FIRST_PARTY_APP_IDS = {
${WELL_KNOWN_APPS.map(([key, name, id]) => `  /** ${name} */\n  ${key}: '${id}',`).join('\n')}
} as const;
`;
}

module.exports = { render, parseCsv, OUTPUT };

if (require.main === module) {
  const source = process.argv[2];
  if (!source) {
    console.error('usage: npm run generate:graph -- <graph-sp.json from az ad sp show | dir with the CSV export>');
    process.exit(2);
  }
  fs.writeFileSync(OUTPUT, render(path.resolve(source)));
  console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}`);
}
