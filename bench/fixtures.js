// What both variants of the benchmark build, as plain data: neither variant's modules are loaded
// here, so a process measures only what its own variant requires.
//
// A workload is a user-assigned identity with three federated credentials (chained, as Azure
// requires) and five Graph app role grants; all grants of a stack share one Graph service principal.
const KUBERNETES_ISSUER = 'https://westeurope.oic.prod-aks.azure.com/11111111-2222-3333-4444-555555555555/00000000-0000-0000-0000-000000000001/';
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const CREDENTIALS_PER_WORKLOAD = 3;
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Five Graph application permissions and their IDs (Microsoft's permissions reference). */
const PERMISSIONS = [
  ['User.Read.All', 'df021288-bdef-4463-88db-98f22de89214'],
  ['Group.Read.All', '5b567255-7703-4780-807c-7be8301ae99b'],
  ['DeviceManagementConfiguration.Read.All', 'dc377aa6-52d8-4e23-b271-2a7ae04cedf3'],
  ['DeviceManagementManagedDevices.Read.All', '2f51be20-0bb4-4fed-bf7b-db946066c75e'],
  ['DeviceManagementApps.Read.All', '7a6ee1e7-141e-4cec-ae74-d9db155731ff'],
];

/**
 * What workload i's credential j trusts: a Kubernetes service account, or (the warnings-heavy
 * shape) a GitHub branch named without the repository's IDs, which the library warns about.
 * `options` are the library's Trust factory props; `l1` the credential's hand-written settings.
 */
const TRUSTS = {
  kubernetes: (i, j) => ({
    factory: 'kubernetes',
    options: { issuerUrl: KUBERNETES_ISSUER, namespace: `ns-${i}`, serviceAccountName: `sa-${j}` },
    l1: { name: `k8s-ns-${i}-sa-${j}`, issuer: KUBERNETES_ISSUER, subject: `system:serviceaccount:ns-${i}:sa-${j}` },
  }),
  github: (i, j) => ({
    factory: 'githubActions',
    options: { owner: 'contoso', repository: `repo-${i}`, branch: `b${j}` },
    l1: { name: `github-contoso-repo-${i}-branch-b${j}`, issuer: GITHUB_ISSUER, subject: `repo:contoso/repo-${i}:ref:refs/heads/b${j}` },
  }),
};

const WORKLOAD = { name: (i) => `id-workload-${i}`, resourceGroupName: 'rg-bench', location: 'westeurope' };

module.exports = { CREDENTIALS_PER_WORKLOAD, GRAPH_APP_ID, PERMISSIONS, TRUSTS, WORKLOAD };

/**
 * What each variant's program requires before it builds anything, for the import cost: cdktf (for
 * `App`) and the variant's own module, which requires what its author would write at the top of the
 * file. For the library that is the two provider modules and the classes it uses (`Trust`,
 * `UserAssignedIdentity`), whose modules load when read from the library's lazy index; for
 * hand-written code, constructs and the six deep provider modules.
 */
const IMPORTS = {
  A: ['cdktf', './with-library'],
  B: ['cdktf', './hand-written'],
};

module.exports.IMPORTS = IMPORTS;
