export * from './principals/principal';
export * from './principals/user-assigned-identity';
export * from './principals/system-assigned-identity';
export * from './principals/app-registration';
export * from './federation/trust';
export * from './federation/federated-credential';
export * from './federation/flexible-trust';
export * from './federation/flexible-federated-credential';
