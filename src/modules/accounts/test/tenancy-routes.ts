// The tenancy matrix's table (tests only): every administration page and accounts API route, with the
// foreign record it aims at, how a refusal looks and what a platform administrator gets instead.

/** The records a row aims at: the foreign ones (beyond the actor's reach) and one person within reach. */
export interface MatrixTargets {
  foreign: { regionCode: string; provinceCode: string; municipalityCode: string; organisationId: string; organisationName: string; personId: string; personEmail: string; membershipIds: string[]; auditMarker: string };
  own: { personId: string; organisationId: string };
  /** A fresh number, for names and e-mails that must not collide. */
  next(): number;
}

/**
 * How an actor without reach is refused: `not-found` (404); `hidden` (200, but nothing foreign appears);
 * or a 422 naming the field that pointed at the foreign record (or a 404: both tell nothing).
 */
export type Refusal = 'not-found' | 'hidden' | { field: string };

/** One route of the matrix. */
export interface MatrixRow {
  /** Method and route as registered, e.g. `GET /:lang/admin/organisations/:id`. */
  route: string;
  /** What this row tries (several rows may exercise one route). */
  name: string;
  kind: 'page' | 'api';
  url(x: MatrixTargets): string;
  body?(x: MatrixTargets): Record<string, unknown>;
  refusal: Refusal;
  /** The platform administrator's status on the same request. */
  success: number;
  /** What a platform administrator sees in a `hidden` row and others must not. */
  reveals?: 'organisation' | 'person' | 'audit';
  /** The signed-in person's own data: any signed-in person gets it. */
  isPersonal?: true;
}

const API = '/api/v1/accounts';

const orgForm = (x: MatrixTargets) => ({
  name: `Matrix organisation ${x.next()}`,
  type: 'municipality',
  regionCode: x.foreign.regionCode,
  provinceCode: x.foreign.provinceCode,
  municipalityCode: x.foreign.municipalityCode,
  isActive: 'true',
});
const personForm = (x: MatrixTargets) => ({ fullName: 'Matrix Person', email: `matrix-${x.next()}@example.org`, preferredLocale: 'it', organisationId: x.foreign.organisationId, roleKey: 'staff' });
const foreignPerson = (x: MatrixTargets) => `/it/admin/people/${x.foreign.personId}`;

/** Every route of the administration and the accounts API. Adding a route means adding a row here. */
export const MATRIX_ROWS: MatrixRow[] = [
  { route: 'GET /:lang/admin', name: 'administration index', kind: 'page', url: () => '/it/admin', refusal: 'hidden', success: 200 },
  { route: 'GET /:lang/admin/organisations', name: 'organisations list', kind: 'page', url: () => '/it/admin/organisations', refusal: 'hidden', success: 200, reveals: 'organisation' },
  { route: 'GET /:lang/admin/organisations', name: 'organisations list filtered on the foreign region', kind: 'page', url: (x) => `/it/admin/organisations?region=${x.foreign.regionCode}`, refusal: 'hidden', success: 200, reveals: 'organisation' },
  { route: 'GET /:lang/admin/organisations/new', name: 'new organisation form', kind: 'page', url: () => '/it/admin/organisations/new', refusal: 'hidden', success: 200 },
  { route: 'POST /:lang/admin/organisations', name: 'create an organisation in the foreign region', kind: 'page', url: () => '/it/admin/organisations', body: orgForm, refusal: { field: 'regionCode' }, success: 303 },
  { route: 'GET /:lang/admin/organisations/:id', name: 'foreign organisation page', kind: 'page', url: (x) => `/it/admin/organisations/${x.foreign.organisationId}`, refusal: 'not-found', success: 200 },
  { route: 'GET /:lang/admin/organisations/:id/edit', name: 'foreign organisation edit form', kind: 'page', url: (x) => `/it/admin/organisations/${x.foreign.organisationId}/edit`, refusal: 'not-found', success: 200 },
  {
    route: 'POST /:lang/admin/organisations/:id',
    name: 'edit the foreign organisation',
    kind: 'page',
    url: (x) => `/it/admin/organisations/${x.foreign.organisationId}`,
    body: (x) => ({ ...orgForm(x), name: `${x.foreign.organisationName} (renamed)` }),
    refusal: 'not-found',
    success: 303,
  },
  { route: 'GET /:lang/admin/people', name: 'people list', kind: 'page', url: () => '/it/admin/people', refusal: 'hidden', success: 200, reveals: 'person' },
  { route: 'GET /:lang/admin/people', name: 'people searched by the foreign e-mail', kind: 'page', url: (x) => `/it/admin/people?q=${encodeURIComponent(x.foreign.personEmail)}`, refusal: 'hidden', success: 200, reveals: 'person' },
  { route: 'GET /:lang/admin/people/new', name: 'new person form', kind: 'page', url: () => '/it/admin/people/new', refusal: 'hidden', success: 200, reveals: 'organisation' },
  { route: 'POST /:lang/admin/people', name: 'create a person in the foreign organisation', kind: 'page', url: () => '/it/admin/people', body: personForm, refusal: { field: 'organisationId' }, success: 303 },
  { route: 'GET /:lang/admin/people/:id', name: 'foreign person page', kind: 'page', url: foreignPerson, refusal: 'not-found', success: 200 },
  { route: 'GET /:lang/admin/people/:id/edit', name: 'foreign person edit form', kind: 'page', url: (x) => `${foreignPerson(x)}/edit`, refusal: 'not-found', success: 200 },
  {
    route: 'POST /:lang/admin/people/:id',
    name: 'disable the foreign person',
    kind: 'page',
    url: foreignPerson,
    body: (x) => ({ fullName: 'Renamed Person', email: x.foreign.personEmail, preferredLocale: 'it' }),
    refusal: 'not-found',
    success: 303,
  },
  {
    route: 'POST /:lang/admin/people/:id/memberships',
    name: 'give the foreign person a role in the actor’s organisation',
    kind: 'page',
    url: (x) => `${foreignPerson(x)}/memberships`,
    body: (x) => ({ organisationId: x.own.organisationId, roleKey: 'staff' }),
    refusal: 'not-found',
    success: 303,
  },
  {
    route: 'POST /:lang/admin/people/:id/memberships',
    name: 'give someone within reach a role in the foreign organisation',
    kind: 'page',
    url: (x) => `/it/admin/people/${x.own.personId}/memberships`,
    body: (x) => ({ organisationId: x.foreign.organisationId, roleKey: 'staff' }),
    refusal: { field: 'organisationId' },
    success: 303,
  },
  {
    route: 'POST /:lang/admin/people/:id/memberships/:membershipId/delete',
    name: 'remove a role of the foreign person',
    kind: 'page',
    url: (x) => `${foreignPerson(x)}/memberships/${x.foreign.membershipIds[0]}/delete`,
    refusal: 'not-found',
    success: 303,
  },
  {
    route: 'POST /:lang/admin/people/:id/memberships/:membershipId/delete',
    name: 'remove a foreign role through a person within reach',
    kind: 'page',
    url: (x) => `/it/admin/people/${x.own.personId}/memberships/${x.foreign.membershipIds[1]}/delete`,
    refusal: 'not-found',
    // A membership is reached only through its own person, for everyone.
    success: 404,
  },
  { route: 'GET /:lang/admin/roles', name: 'roles page', kind: 'page', url: () => '/it/admin/roles', refusal: 'hidden', success: 200 },
  { route: 'GET /:lang/admin/audit', name: 'audit log', kind: 'page', url: () => '/it/admin/audit', refusal: 'hidden', success: 200, reveals: 'audit' },

  { route: 'GET /api/v1/accounts/me', name: 'who am I', kind: 'api', url: () => `${API}/me`, refusal: 'hidden', success: 200, isPersonal: true },
  { route: 'GET /api/v1/accounts/roles', name: 'roles', kind: 'api', url: () => `${API}/roles`, refusal: 'hidden', success: 200 },
  { route: 'GET /api/v1/accounts/organisations', name: 'organisations list', kind: 'api', url: () => `${API}/organisations?per_page=100`, refusal: 'hidden', success: 200, reveals: 'organisation' },
  { route: 'GET /api/v1/accounts/organisations', name: 'organisations of the foreign region', kind: 'api', url: (x) => `${API}/organisations?region=${x.foreign.regionCode}`, refusal: 'hidden', success: 200, reveals: 'organisation' },
  { route: 'GET /api/v1/accounts/organisations/:id', name: 'foreign organisation', kind: 'api', url: (x) => `${API}/organisations/${x.foreign.organisationId}`, refusal: 'not-found', success: 200 },
  {
    route: 'POST /api/v1/accounts/organisations',
    name: 'create an organisation in the foreign region',
    kind: 'api',
    url: () => `${API}/organisations`,
    body: (x) => ({ ...orgForm(x), isActive: true }),
    refusal: { field: 'regionCode' },
    success: 201,
  },
  { route: 'PATCH /api/v1/accounts/organisations/:id', name: 'change the foreign organisation', kind: 'api', url: (x) => `${API}/organisations/${x.foreign.organisationId}`, body: () => ({ website: 'https://example.org/matrix' }), refusal: 'not-found', success: 200 },
  { route: 'GET /api/v1/accounts/people', name: 'people list', kind: 'api', url: () => `${API}/people?per_page=100`, refusal: 'hidden', success: 200, reveals: 'person' },
  { route: 'GET /api/v1/accounts/people', name: 'people searched by the foreign e-mail', kind: 'api', url: (x) => `${API}/people?q=${encodeURIComponent(x.foreign.personEmail)}`, refusal: 'hidden', success: 200, reveals: 'person' },
  { route: 'GET /api/v1/accounts/people/:id', name: 'foreign person', kind: 'api', url: (x) => `${API}/people/${x.foreign.personId}`, refusal: 'not-found', success: 200 },
  {
    route: 'POST /api/v1/accounts/people',
    name: 'create a person in the foreign organisation',
    kind: 'api',
    url: () => `${API}/people`,
    body: personForm,
    refusal: { field: 'organisationId' },
    success: 201,
  },
  { route: 'PATCH /api/v1/accounts/people/:id', name: 'change the foreign person', kind: 'api', url: (x) => `${API}/people/${x.foreign.personId}`, body: () => ({ fullName: 'Changed Through API' }), refusal: 'not-found', success: 200 },
  {
    route: 'POST /api/v1/accounts/people/:id/memberships',
    name: 'give the foreign person a role in the actor’s organisation',
    kind: 'api',
    url: (x) => `${API}/people/${x.foreign.personId}/memberships`,
    body: (x) => ({ organisationId: x.own.organisationId, roleKey: 'org_admin' }),
    refusal: 'not-found',
    success: 201,
  },
  {
    route: 'POST /api/v1/accounts/people/:id/memberships',
    name: 'give someone within reach a role in the foreign organisation',
    kind: 'api',
    url: (x) => `${API}/people/${x.own.personId}/memberships`,
    body: (x) => ({ organisationId: x.foreign.organisationId, roleKey: 'org_admin' }),
    refusal: { field: 'organisationId' },
    success: 201,
  },
  {
    route: 'DELETE /api/v1/accounts/people/:id/memberships/:membershipId',
    name: 'remove a role of the foreign person',
    kind: 'api',
    url: (x) => `${API}/people/${x.foreign.personId}/memberships/${x.foreign.membershipIds[2]}`,
    refusal: 'not-found',
    success: 204,
  },
  {
    route: 'DELETE /api/v1/accounts/people/:id/memberships/:membershipId',
    name: 'remove a foreign role through a person within reach',
    kind: 'api',
    url: (x) => `${API}/people/${x.own.personId}/memberships/${x.foreign.membershipIds[1]}`,
    refusal: 'not-found',
    success: 404,
  },
];
