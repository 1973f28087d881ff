// The azuread types the library writes, for the cdktn package (see ../README.md).
export * from './provider';
export * from './application';
export * from './service-principal';
export * from './application-federated-identity-credential';
export * from './application-flexible-federated-identity-credential';
export * from './data-azuread-application';
export * from './data-azuread-service-principal';
export * from './app-role-assignment';
export * from './service-principal-delegated-permission-grant';
