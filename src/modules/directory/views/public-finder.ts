import type { FastifyRequest } from 'fastify';
import { pickText } from '../../../kernel/i18n/content.ts';
import { directionOf } from '../../../kernel/i18n/locales.ts';
import type { FormState } from '../../../kernel/web/forms.ts';
import { checkboxField, errorSummary, inputField } from '../../../kernel/web/forms.ts';
import { attrs, html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href, icon } from '../../../kernel/web/layout.ts';
import type { Province } from '../../territory/index.ts';
import type { TermItem } from '../data/taxonomy-repository.ts';
import type { SearchHit } from '../data/search-repository.ts';
import { RADII_KM, placeLabel, type FinderInput } from '../domain/search-query.ts';
import type { FinderResult } from '../use-cases/search-services.ts';
import type { NamedLanguage } from '../use-cases/load-finder-catalog.ts';
import { contentText, fallbackNote, formatDistance, freeBadge, openBadge, savedNote } from './public-components.ts';

/** Everything the finder page shows. */
export interface FinderView {
  input: FinderInput;
  result: FinderResult;
  needs: TermItem[];
  provinces: Province[];
  /** Municipalities of the chosen province, offered as suggestions. */
  municipalities: string[];
  languages: NamedLanguage[];
  languageNames: Map<string, NamedLanguage>;
  mapTiles: { url: string; attribution: string } | null;
  boundariesUrl: string | null;
}

/** The query string of the finder with some fields changed. */
export function finderQuery(input: FinderInput, changes: Partial<Record<keyof FinderInput, string | boolean>> = {}): string {
  const merged = { ...input, ...changes };
  const params = new URLSearchParams();
  for (const name of ['q', 'need', 'province', 'municipality', 'language', 'lat', 'lon', 'radius'] as const) if (merged[name]) params.set(name, String(merged[name]));
  if (merged.free) params.set('free', 'true');
  if (merged.open) params.set('open', 'true');
  if (merged.page && merged.page !== '1') params.set('page', String(merged.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function labelsOf(req: FastifyRequest): Record<string, string> {
  return {
    q: req.t('directory.finder.form.q'),
    need: req.t('directory.finder.form.need'),
    province: req.t('directory.finder.form.province'),
    municipality: req.t('directory.finder.form.municipality'),
    language: req.t('directory.finder.form.language'),
    near: req.t('directory.finder.form.nearMe'),
    radius: req.t('directory.finder.form.radius'),
    page: req.t('directory.finder.pagination.label'),
  };
}

// The labels of a request's form, computed once per page.
const labelCache = new WeakMap<FastifyRequest, Record<string, string>>();
const LABELS = (req: FastifyRequest): Record<string, string> => {
  let labels = labelCache.get(req);
  if (!labels) labelCache.set(req, (labels = labelsOf(req)));
  return labels;
};

function select(req: FastifyRequest, name: string, label: string, state: FormState, options: SafeHtml): SafeHtml {
  const error = state.errors.find((e) => e.field === name);
  return html`<div class="select-wrapper form-group">
    <label for="field-${name}" class="active">${label}</label>
    <select ${attrs({ id: `field-${name}`, name, class: `form-select${error ? ' is-invalid' : ''}`, 'aria-invalid': error ? 'true' : null, 'aria-describedby': error ? `error-${name}` : null })}>${options}</select>
    ${error ? html`<div id="error-${name}" class="invalid-feedback d-block">${req.t(error.messageKey, error.values)}</div>` : ''}
  </div>`;
}

function municipalityField(req: FastifyRequest, state: FormState, suggestions: string[]): SafeHtml {
  const error = state.errors.find((e) => e.field === 'municipality');
  const describedBy = ['hint-municipality', error ? 'error-municipality' : ''].filter(Boolean).join(' ');
  return html`<div class="form-group">
    <label for="field-municipality" class="active">${LABELS(req).municipality}</label>
    <input ${attrs({ type: 'text', id: 'field-municipality', name: 'municipality', class: `form-control${error ? ' is-invalid' : ''}`, value: String(state.values.municipality ?? ''),
      maxlength: 100, autocomplete: 'off', list: suggestions.length ? 'municipality-list' : null, 'aria-invalid': error ? 'true' : null, 'aria-describedby': describedBy })}>
    <small id="hint-municipality" class="form-text">${req.t('directory.finder.form.municipalityHint')}</small>
    ${error ? html`<div id="error-municipality" class="invalid-feedback d-block">${req.t(error.messageKey, error.values)}</div>` : ''}
    ${suggestions.length ? html`<datalist id="municipality-list">${suggestions.map((m) => html`<option value="${m}"></option>`)}</datalist>` : ''}
  </div>`;
}

/** An error of a field that has no input of its own (the position, the page), where the summary links to. */
function standaloneError(req: FastifyRequest, state: FormState, field: string): SafeHtml {
  const error = state.errors.find((e) => e.field === field);
  return error ? html`<p id="field-${field}" class="invalid-feedback d-block" tabindex="-1">${LABELS(req)[field]}: ${req.t(error.messageKey, error.values)}</p>` : html``;
}

function needOptions(req: FastifyRequest, needs: TermItem[], current: string): SafeHtml {
  const parents = needs.filter((t) => !t.parentId);
  const option = (t: TermItem, label: string) => html`<option value="${t.id}" ${attrs({ selected: t.id === current })}>${label}</option>`;
  return html`<option value="">${req.t('directory.finder.form.needAll')}</option>
    ${parents.map((p) => {
      const name = pickText(p.name, req.locale)?.value ?? p.code ?? '';
      return html`<optgroup label="${name}">${option(p, req.t('directory.finder.form.needGroupAll', { name }))}
        ${needs.filter((c) => c.parentId === p.id).map((c) => option(c, pickText(c.name, req.locale)?.value ?? c.code ?? ''))}</optgroup>`;
    })}`;
}

function provinceOptions(req: FastifyRequest, provinces: Province[], current: string): SafeHtml {
  const sorted = [...provinces].sort((a, b) => a.name.localeCompare(b.name, 'it'));
  return html`<option value="">${req.t('directory.finder.form.provinceAll')}</option>
    ${sorted.map((p) => html`<option value="${p.code}" ${attrs({ selected: p.code === current })}>${p.name} (${p.carCode})</option>`)}`;
}

function searchForm(req: FastifyRequest, view: FinderView, state: FormState): SafeHtml {
  const { input } = view;
  const isNear = input.lat !== '' && input.lon !== '';
  const languages = [...view.languages].sort((a, b) => a.name.localeCompare(b.name, req.locale));
  return html`<form method="get" action="${href(req, '/services')}" class="cv-finder-form" role="search" aria-label="${req.t('directory.finder.form.label')}" data-finder-form>
    ${inputField(req, state, { name: 'q', label: LABELS(req).q!, hint: req.t('directory.finder.form.qHint'), type: 'search', maxLength: 200, autocomplete: 'off' })}
    <div class="row">
      <div class="col-md-6 col-lg-3">${select(req, 'need', LABELS(req).need!, state, needOptions(req, view.needs, input.need))}</div>
      <div class="col-md-6 col-lg-3">${select(req, 'province', LABELS(req).province!, state, provinceOptions(req, view.provinces, input.province))}</div>
      <div class="col-md-6 col-lg-3">
        ${municipalityField(req, state, view.municipalities)}
      </div>
      <div class="col-md-6 col-lg-3">${select(req, 'language', LABELS(req).language!, state, html`<option value="">${req.t('directory.finder.form.languageAll')}</option>
        ${languages.map((l) => html`<option value="${l.code}" ${attrs({ selected: l.code === input.language })}>${req.t('directory.finder.form.languageOption', { name: l.name, autonym: l.autonym })}</option>`)}`)}</div>
    </div>
    <div class="cv-finder-checks">
      ${checkboxField(req, state, { name: 'free', label: req.t('directory.finder.form.free') })}
      ${checkboxField(req, state, { name: 'open', label: req.t('directory.finder.form.open') })}
    </div>
    ${isNear
      ? html`<input type="hidden" name="lat" value="${input.lat}"><input type="hidden" name="lon" value="${input.lon}">
        <div class="cv-finder-near">${select(req, 'radius', LABELS(req).radius!, state, html`${[...RADII_KM].sort((a, b) => a - b).map((km) => html`<option value="${km}" ${attrs({ selected: String(km) === (input.radius || String(RADII_KM[0])) })}>${formatDistance(req.locale, km * 1000)}</option>`)}`)}</div>`
      : html`<input type="hidden" name="lat" value="" data-near-lat disabled><input type="hidden" name="lon" value="" data-near-lon disabled>`}
    <div class="cv-finder-actions">
      <button type="submit" class="btn btn-primary">${icon('it-search', 'icon-sm icon-white')} ${req.t('directory.finder.form.submit')}</button>
      <button type="button" class="btn btn-outline-primary" data-near-me hidden
        data-locating="${req.t('directory.finder.near.locating')}" data-denied="${req.t('directory.finder.near.denied')}">${icon('it-map-marker', 'icon-sm icon-primary')} ${req.t('directory.finder.form.nearMe')}</button>
      <a href="${href(req, '/services')}" class="btn btn-link">${req.t('directory.finder.form.reset')}</a>
    </div>
    ${standaloneError(req, state, 'near')}${standaloneError(req, state, 'page')}
    <p class="cv-near-status" role="status" aria-live="polite" data-near-status></p>
  </form>`;
}

// The needs by id, built once per list of terms (the catalog hands the same list to every page).
const needIndexes = new WeakMap<TermItem[], Map<string, TermItem>>();
function needIndex(needs: TermItem[]): Map<string, TermItem> {
  let index = needIndexes.get(needs);
  if (!index) needIndexes.set(needs, (index = new Map(needs.map((t) => [t.id, t]))));
  return index;
}

function resultItem(req: FastifyRequest, view: FinderView, hit: SearchHit): SafeHtml {
  const name = contentText(req, hit.name);
  const summary = pickText(hit.summary, req.locale);
  const organisation = contentText(req, hit.organisation.name);
  const known = needIndex(view.needs);
  const specific = hit.needIds.filter((id) => known.has(id) && !hit.needIds.some((other) => known.get(other)?.parentId === id));
  const link = href(req, `/services/${hit.serviceId}`);
  const place = [hit.municipalityName, hit.location?.province ? `(${hit.location.province})` : ''].filter(Boolean).join(' ');
  const isMapped = hit.latitude !== null && hit.longitude !== null;
  return html`<li class="cv-result" ${attrs({ 'data-map-point': isMapped, 'data-lat': isMapped ? hit.latitude : null, 'data-lon': isMapped ? hit.longitude : null, 'data-href': link, 'data-name': name.shown?.value ?? '' })}>
    <h3 class="cv-result-title"><a href="${link}">${name.markup}</a></h3>
    ${fallbackNote(req, name.shown)}
    <p class="cv-result-meta">${organisation.markup}${place ? html` · ${icon('it-map-marker', 'icon-xs')} <span dir="ltr">${place}</span>` : ''}${hit.distanceMetres !== null ? html` · <strong>${req.t('directory.finder.results.distance', { distance: formatDistance(req.locale, hit.distanceMetres) })}</strong>` : ''}</p>
    ${summary ? html`<p class="cv-result-summary" ${attrs({ lang: summary.locale === req.locale ? null : summary.locale, dir: summary.locale === req.locale ? null : directionOf(summary.locale) })}>${summary.value.length > 180 ? `${summary.value.slice(0, 177).trimEnd()}…` : summary.value}</p>` : ''}
    <p class="cv-badges">${openBadge(req, { isOpen: hit.isOpenNow, hasHours: hit.hasHours })} ${freeBadge(req, hit.isFree)}</p>
    <dl class="cv-result-tags">
      ${specific.length ? html`<dt>${req.t('directory.finder.results.needs')}</dt><dd>${specific.map((id) => pickText(known.get(id)!.name, req.locale)?.value).join(', ')}</dd>` : ''}
      ${hit.languageCodes.length ? html`<dt>${req.t('directory.finder.results.languages')}</dt><dd>${hit.languageCodes.map((c) => view.languageNames.get(c)?.name ?? c).join(', ')}</dd>` : ''}
    </dl>
  </li>`;
}

function pagination(req: FastifyRequest, view: FinderView): SafeHtml {
  const { result, input } = view;
  if (result.pageCount <= 1) return html``;
  const page = Number(input.page || '1');
  const link = (n: number) => `${href(req, '/services')}${finderQuery(input, { page: String(n) })}`;
  const pages = [...new Set([1, page - 1, page, page + 1, result.pageCount])].filter((n) => n >= 1 && n <= result.pageCount).sort((a, b) => a - b);
  return html`<nav class="pagination-wrapper cv-pagination" aria-label="${req.t('directory.finder.pagination.label')}"><ul class="pagination">
    ${page > 1 ? html`<li class="page-item"><a class="page-link" href="${link(page - 1)}" rel="prev">${req.t('directory.finder.pagination.previous')}</a></li>` : ''}
    ${pages.map((n) => (n === page
      ? html`<li class="page-item active"><a class="page-link" href="${link(n)}" aria-current="page">${req.t('directory.finder.pagination.page', { page: n, count: result.pageCount })}</a></li>`
      : html`<li class="page-item"><a class="page-link" href="${link(n)}">${n}</a></li>`))}
    ${page < result.pageCount ? html`<li class="page-item"><a class="page-link" href="${link(page + 1)}" rel="next">${req.t('directory.finder.pagination.next')}</a></li>` : ''}
  </ul></nav>`;
}

function saveArea(req: FastifyRequest, view: FinderView): SafeHtml {
  const place = view.result.place;
  if (!place || view.result.total === 0) return html``;
  const api = place.kind === 'municipality' ? `/api/v1/directory/finder/area?municipality=${place.place.code}` : `/api/v1/directory/finder/area?province=${place.code}`;
  const name = place.kind === 'municipality' ? place.place.name : place.name;
  return html`<div class="cv-save-area" data-save-area data-api="${api}" data-lang="${req.locale}" hidden
      data-saving="${req.t('directory.finder.offline.saving', { done: '{done}', total: '{total}' })}"
      data-saved="${req.t('directory.finder.offline.saved', { count: '{count}', date: '{date}' })}" data-failed="${req.t('directory.finder.offline.failed')}">
    <button type="button" class="btn btn-outline-primary btn-sm">${icon('it-download', 'icon-sm icon-primary')} ${req.t('directory.finder.offline.save', { place: name })}</button>
    <p class="cv-save-status" role="status" aria-live="polite"></p>
  </div>`;
}

function resultsHeading(req: FastifyRequest, view: FinderView): SafeHtml {
  const { result } = view;
  if (result.errors.length) return html`<h2 id="results-heading" class="h4">${req.t('directory.finder.results.heading')}</h2><p>${req.t('directory.finder.results.fixErrors')}</p>`;
  const place = result.place ? (result.place.kind === 'municipality' ? result.place.place.name : result.place.name) : null;
  return html`<h2 id="results-heading" class="h4">${result.isTotalCapped
    ? req.t('directory.finder.results.countCapped', { count: result.total })
    : req.t('directory.finder.results.count', { count: result.total })}${place ? html` <span class="cv-result-place">${req.t('directory.finder.results.in', { place })}</span>` : ''}</h2>
    ${view.input.lat ? html`<p>${req.t('directory.finder.near.active')} <a href="${href(req, '/services')}${finderQuery(view.input, { lat: '', lon: '', radius: '', page: '' })}">${req.t('directory.finder.near.clear')}</a></p>` : ''}
    ${result.corrections.length ? html`<p class="cv-corrections">${req.t('directory.finder.results.corrections', { words: result.corrections.join(', ') })}</p>` : ''}`;
}

/** The finder: the search form, the list of results (complete without JavaScript) and the map island. */
export function finderPage(req: FastifyRequest, view: FinderView): SafeHtml {
  const { result } = view;
  const state: FormState = { values: { ...view.input }, errors: result.errors };
  const mappable = result.hits.filter((h) => h.latitude !== null);
  return html`<h1 class="cv-page-title">${req.t('directory.finder.title')}</h1>
    <p>${req.t('directory.finder.intro')}</p>
    ${savedNote(req)}
    ${errorSummary(req, state, LABELS(req))}
    ${result.municipalityChoices.length
      ? html`<div class="cv-choices"><p>${req.t('directory.finder.results.choose')}</p><ul>${result.municipalityChoices.map(
          (p) => html`<li><a href="${href(req, '/services')}${finderQuery(view.input, { municipality: placeLabel(p), province: '', page: '' })}">${placeLabel(p)}</a></li>`,
        )}</ul></div>`
      : ''}
    ${searchForm(req, view, state)}
    <div class="cv-finder-layout">
      <section class="cv-finder-results" aria-labelledby="results-heading">
        ${resultsHeading(req, view)}
        ${saveArea(req, view)}
        ${result.hits.length
          ? html`<ol class="cv-results">${result.hits.map((hit) => resultItem(req, view, hit))}</ol>`
          : result.errors.length ? '' : html`<p>${req.t('directory.finder.results.noneHint')}</p>`}
        ${pagination(req, view)}
      </section>
      ${mappable.length
        ? html`<section class="cv-map" data-map hidden aria-labelledby="map-heading" ${attrs({ 'data-tiles': view.mapTiles?.url ?? null, 'data-attribution': view.mapTiles?.attribution ?? null, 'data-boundaries': view.boundariesUrl })}>
            <h2 id="map-heading" class="h4">${req.t('directory.finder.map.heading')}</h2>
            <div class="cv-map-canvas" role="region" aria-label="${req.t('directory.finder.map.label')}"></div>
            <p class="cv-map-note">${req.t('directory.finder.map.note')}</p>
          </section>`
        : ''}
    </div>`;
}
