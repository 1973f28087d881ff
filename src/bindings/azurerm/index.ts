// The azurerm types the library writes, for the cdktn package (see ../README.md).
export * from './provider';
export * from './user-assigned-identity';
export * from './data-azurerm-user-assigned-identity';
export * from './federated-identity-credential';
export * from './role-assignment';
