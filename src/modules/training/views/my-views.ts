import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../kernel/http/errors.ts';
import { html, type SafeHtml } from '../../../kernel/web/html.ts';
import { csrfField, href } from '../../../kernel/web/layout.ts';
import { textIn } from '../domain/content.ts';
import type { MyApplication } from '../use-cases/list-my-training.ts';
import { formatDay, statusBadge } from './components.ts';

/** The signed-in person's applications. */
export function myTrainingView(req: FastifyRequest, items: MyApplication[]): SafeHtml {
  const t = req.t;
  return html`<h1 class="cv-page-title">${t('training.my.title')}</h1>
    ${(req.query as { done?: string }).done === 'checkedIn' ? html`<div class="alert alert-success" role="status">${t('training.checkin.done')}</div>` : ''}
    <p><a class="btn btn-primary" href="${href(req, '/training/checkin')}">${t('training.checkin.title')}</a></p>
    ${items.length === 0
      ? html`<p>${t('training.my.empty')} <a href="${href(req, '/training')}">${t('training.my.browse')}</a></p>`
      : html`<ul class="list-unstyled">${items.map(
          (i) => html`<li class="card card-bg mb-3"><div class="card-body">
            <h2 class="h5"><a href="${href(req, `/training/my/${i.application.id}`)}">${textIn(i.path.title, req.locale)} · ${t('training.edition.name', { number: i.edition.number })}</a></h2>
            <p class="mb-0">${formatDay(req, i.edition.startsOn)} – ${formatDay(req, i.edition.endsOn)} · ${statusBadge(req, i.application.status)}
              ${i.hasCertificate ? html` · ${t('training.my.certificateReady')}` : ''}</p>
          </div></li>`,
        )}</ul>`}`;
}

/** The check-in form: the code shown in the room. */
export function checkinView(req: FastifyRequest, errors?: FieldError[]): SafeHtml {
  const t = req.t;
  const error = errors?.[0];
  return html`<h1 class="cv-page-title">${t('training.checkin.title')}</h1>
    <p class="lead">${t('training.checkin.intro')}</p>
    <form method="post" action="${href(req, '/training/checkin')}" novalidate>${csrfField(req)}
      <div class="form-group">
        <label for="field-code" class="active">${t('training.checkin.code')}</label>
        <input type="text" id="field-code" name="code" class="form-control form-control-lg${error ? ' is-invalid' : ''}" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required
          ${error ? html`aria-invalid="true" aria-describedby="error-code"` : ''}>
        ${error ? html`<div id="error-code" class="invalid-feedback d-block" role="alert">${t(error.messageKey, error.values)}</div>` : ''}
      </div>
      <button type="submit" class="btn btn-primary btn-lg w-100">${t('training.checkin.submit')}</button>
    </form>`;
}
