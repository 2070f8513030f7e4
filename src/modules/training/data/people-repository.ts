// People and organisations belong to the accounts module: training reads and creates them through its index.
export { accountsPeople as peopleRepository, type OrganisationChoice, type PersonName } from '../../accounts/index.ts';
