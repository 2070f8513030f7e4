// The accounts module's public face: the only file other modules may import.
export { accountsModule } from './module.ts';
export { ORGANISATION_TYPES, type OrganisationType } from './permissions.ts';
