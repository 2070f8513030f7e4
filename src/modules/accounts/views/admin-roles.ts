import type { FastifyRequest } from 'fastify';
import type { PermissionDef, RoleDef } from '../../../kernel/auth/actor.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';

/** Every role with its scope, the organisation types that may hold it and its permissions, described. */
export function rolesView(req: FastifyRequest, roles: RoleDef[], permissions: PermissionDef[]): SafeHtml {
  const t = req.t;
  const describe = (key: string) => {
    const def = permissions.find((p) => p.key === key);
    return def ? t(def.descriptionKey) : key;
  };
  return html`<h1 class="cv-page-title">${t('accounts.staff.roles.title')}</h1>
    <p class="lead">${t('accounts.staff.roles.lead')}</p>
    <div class="table-responsive"><table class="table">
      <caption>${t('accounts.staff.roles.caption')}</caption>
      <thead><tr>
        <th scope="col">${t('accounts.staff.roles.columns.role')}</th>
        <th scope="col">${t('accounts.staff.roles.columns.scope')}</th>
        <th scope="col">${t('accounts.staff.roles.columns.types')}</th>
        <th scope="col">${t('accounts.staff.roles.columns.permissions')}</th>
      </tr></thead>
      <tbody>${roles.map(
        (role) => html`<tr>
          <th scope="row">${t(role.labelKey)}<br><code class="small">${role.key}</code></th>
          <td>${t(`accounts.staff.roles.scopes.${role.scope}`)}</td>
          <td>${role.organisationTypes?.length
            ? html`<ul class="list-unstyled mb-0">${role.organisationTypes.map((type) => html`<li>${t(`accounts.organisationTypes.${type}`)}</li>`)}</ul>`
            : t('accounts.staff.roles.anyType')}</td>
          <td><ul class="mb-0">${role.permissions.map((p) => html`<li>${describe(p)} <code class="small">${p}</code></li>`)}</ul></td>
        </tr>`,
      )}</tbody>
    </table></div>`;
}
