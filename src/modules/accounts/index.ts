// The accounts module's public face: the only file other modules may import.
export { accountsModule } from './module.ts';
export { ORGANISATION_TYPES, type OrganisationType } from './permissions.ts';
export { sharedPeopleRepository as accountsPeople, type OrganisationChoice, type PersonName } from './data/shared-people-repository.ts';
export { hashPassword } from './passwords.ts';
