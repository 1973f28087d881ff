export * from './principals/principal';
export * from './principals/user-assigned-identity';
export * from './principals/system-assigned-identity';
export * from './principals/app-registration';
