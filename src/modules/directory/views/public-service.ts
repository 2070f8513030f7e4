import type { FastifyRequest } from 'fastify';
import { pickText, type ShownText } from '../../../kernel/i18n/content.ts';
import { attrs, html, type SafeHtml } from '../../../kernel/web/html.ts';
import { href, icon } from '../../../kernel/web/layout.ts';
import type { PublicPlace } from '../data/search-repository.ts';
import type { TermItem } from '../data/taxonomy-repository.ts';
import type { ServiceSnapshot } from '../data/snapshot.ts';
import { exceptionsOf, hasHours, isOpenAt, openingRangesOf, rangesByWeekday, upcomingExceptions, type HoursException, type LocalClock, type OpeningRange } from '../domain/open-now.ts';
import type { NamedLanguage } from '../use-cases/load-finder-catalog.ts';
import { contentParagraphs, contentText, formatDate, formatTime, freeBadge, languageName, openBadge, savedNote, weekdayName } from './public-components.ts';

/** What the service page shows, all of it from the published snapshot and the live places. */
export interface ServiceView {
  snapshot: ServiceSnapshot;
  places: PublicPlace[];
  needs: TermItem[];
  languageNames: Map<string, NamedLanguage>;
  clock: LocalClock;
  isPrint: boolean;
  mapTiles: { url: string; attribution: string } | null;
  boundariesUrl: string | null;
}

function hoursTable(req: FastifyRequest, ranges: OpeningRange[], caption: string): SafeHtml {
  return html`<div class="cv-table-wrap"><table class="table table-sm cv-hours">
    <caption>${caption}</caption>
    <tbody>${rangesByWeekday(ranges).map((day, index) => html`<tr><th scope="row">${weekdayName(req.locale, index)}</th>
      <td>${day.length ? day.map((r, i) => html`${i ? ', ' : ''}<span class="text-nowrap">${formatTime(req.locale, r.opens)}–${formatTime(req.locale, r.closes)}</span>`) : req.t('directory.finder.service.closedDay')}</td></tr>`)}</tbody>
  </table></div>`;
}

function exceptionList(req: FastifyRequest, exceptions: HoursException[]): SafeHtml {
  if (exceptions.length === 0) return html``;
  return html`<h3 class="h6">${req.t('directory.finder.service.exceptions')}</h3><ul class="cv-exceptions">${exceptions.map((e) => {
    const days = e.startsOn === e.endsOn ? formatDate(req.locale, e.startsOn) : req.t('directory.finder.service.dateRange', { from: formatDate(req.locale, e.startsOn), to: formatDate(req.locale, e.endsOn) });
    const what = e.isClosed || !e.opensAt || !e.closesAt
      ? req.t('directory.finder.service.exceptionClosed')
      : req.t('directory.finder.service.exceptionSpecial', { opens: formatTime(req.locale, e.opensAt), closes: formatTime(req.locale, e.closesAt) });
    return html`<li><strong>${days}</strong>: ${what}</li>`;
  })}</ul>`;
}

function translationNotes(req: FastifyRequest, shown: (ShownText | null)[]): SafeHtml {
  const fallback = shown.find((s) => s?.isFallback);
  const isMachine = shown.some((s) => s && !s.isFallback && s.status === 'machine');
  const isOutdated = shown.some((s) => s && !s.isFallback && s.status === 'outdated');
  if (!fallback && !isMachine && !isOutdated) return html``;
  return html`<div class="alert alert-info cv-translation-note" role="note">
    ${fallback ? html`<p class="mb-1">${req.t('directory.finder.service.translation.fallback', { language: languageName(req, req.locale), original: languageName(req, fallback!.locale) })}</p>` : ''}
    ${isMachine ? html`<p class="mb-1">${req.t('directory.finder.service.translation.machine')}</p>` : ''}
    ${isOutdated ? html`<p class="mb-1">${req.t('directory.finder.service.translation.outdated')}</p>` : ''}
  </div>`;
}

function placeItem(req: FastifyRequest, place: PublicPlace, name: string, view: ServiceView, ownHours: SafeHtml): SafeHtml {
  const location = place.location;
  const title = contentText(req, location?.name);
  const transport = contentParagraphs(req, location?.transportation);
  const access = contentParagraphs(req, location?.accessibility);
  const hasPoint = place.latitude !== null && place.longitude !== null;
  const lat = place.latitude ?? 0;
  const lon = place.longitude ?? 0;
  return html`<li class="cv-place" ${attrs({ 'data-map-point': hasPoint, 'data-lat': hasPoint ? lat : null, 'data-lon': hasPoint ? lon : null, 'data-name': name })}>
    ${title.shown ? html`<h3 class="h6">${title.markup}</h3>` : ''}
    ${location?.address1 ? html`<p class="mb-1 cv-address"><span dir="ltr">${location.address1}${location.address2 ? html`, ${location.address2}` : ''}</span><br><span dir="ltr">${[location.postalCode, location.city ?? place.municipalityName].filter(Boolean).join(' ')}${location.province ? ` (${location.province})` : ''}</span></p>` : place.municipalityName ? html`<p class="mb-1">${place.municipalityName}</p>` : ''}
    ${location?.url ? html`<p class="mb-1"><a href="${location.url}" dir="ltr">${location.url}</a></p>` : ''}
    ${transport.shown ? html`<h4 class="h6">${req.t('directory.finder.service.transport')}</h4>${transport.markup}` : ''}
    ${access.shown ? html`<h4 class="h6">${req.t('directory.finder.service.accessibility')}</h4>${access.markup}` : ''}
    ${ownHours}
    ${hasPoint && !view.isPrint
      ? html`<p class="cv-place-links"><a href="geo:${lat},${lon}?q=${lat},${lon}(${encodeURIComponent(name)})">${icon('it-map-marker', 'icon-sm icon-primary')} ${req.t('directory.finder.service.openInMaps')}</a>
          <a href="https://www.openstreetmap.org/?mlat=${lat}&amp;mlon=${lon}#map=17/${lat}/${lon}">${icon('it-external-link', 'icon-sm icon-primary')} ${req.t('directory.finder.service.openStreetMap')}</a></p>`
      : hasPoint ? html`<p class="cv-place-links" dir="ltr">${lat.toFixed(5)}, ${lon.toFixed(5)}</p>` : ''}
  </li>`;
}

/** A published service, rendered from its snapshot: what, who, documents, cost, languages, hours, where, contacts. */
export function servicePage(req: FastifyRequest, view: ServiceView): SafeHtml {
  const { snapshot, clock } = view;
  const s = snapshot.service;
  const name = contentText(req, s.name);
  const description = contentParagraphs(req, s.description);
  const eligibility = contentParagraphs(req, s.eligibility_description);
  const apply = contentParagraphs(req, s.application_process);
  const fees = contentParagraphs(req, s.fees_description);
  const interpretation = contentParagraphs(req, s.interpretation_services);
  const alert = contentParagraphs(req, s.alert);
  const serviceSchedules = snapshot.schedules.filter((r) => !r.service_at_location_id);
  const serviceRanges = openingRangesOf(serviceSchedules);
  const ownRanges = (salId: string | undefined) => (salId ? openingRangesOf(snapshot.schedules.filter((r) => r.service_at_location_id === salId)) : []);
  const salOf = (place: PublicPlace) => snapshot.serviceAtLocations.find((sal) => sal.location_id === place.locationId)?.id;
  const exceptions = exceptionsOf(snapshot.scheduleExceptions.filter((e) => !e.service_at_location_id));
  const upcoming = upcomingExceptions(exceptions, clock.date);
  const isOpen = isOpenAt(serviceRanges, exceptions, clock);
  const organisation = view.places[0]?.organisation;
  const needs = new Map(view.needs.map((t) => [t.id, t]));
  const termIds = snapshot.attributes.filter((a) => a.link_entity === 'service' && needs.has(a.taxonomy_term_id)).map((a) => a.taxonomy_term_id);
  const languages = snapshot.languages.map((l) => (l.code ? view.languageNames.get(l.code)?.name ?? languageName(req, l.code) : l.name)).filter(Boolean);
  const ages = s.minimum_age !== null || s.maximum_age !== null ? req.t('directory.finder.service.ages', { min: s.minimum_age ?? 'none', max: s.maximum_age ?? 'none' }) : null;
  const verified = s.last_verified_at ?? s.assured_date;
  const mapped = view.places.filter((p) => p.latitude !== null && p.longitude !== null);
  const placeName = name.shown?.value ?? '';
  const documents = snapshot.requiredDocuments.map((d) => contentText(req, d.document)).filter((d) => d.shown);

  return html`<article class="cv-service">
    <h1 class="cv-page-title">${name.markup}</h1>
    ${savedNote(req)}
    ${translationNotes(req, [name.shown, description.shown, eligibility.shown])}
    ${organisation ? html`<p class="cv-service-org">${contentText(req, organisation.name).markup}</p>` : ''}
    <p class="cv-badges">${openBadge(req, { isOpen, hasHours: hasHours(serviceRanges, exceptions) })} ${freeBadge(req, s.is_free)}
      ${s.status !== 'active' ? html`<span class="cv-badge cv-badge-closed">${req.t(`directory.finder.service.status.${s.status === 'temporarily closed' ? 'temporarilyClosed' : s.status}`)}</span>` : ''}</p>
    ${alert.shown ? html`<div class="alert alert-warning" role="note">${alert.markup}</div>` : ''}
    ${termIds.length ? html`<p class="cv-service-needs">${termIds.map((id) => pickText(needs.get(id)!.name, req.locale)?.value).join(' · ')}</p>` : ''}

    <h2 class="h4">${req.t('directory.finder.service.offers')}</h2>
    ${description.shown ? description.markup : html`<p>${req.t('directory.finder.service.noDescription')}</p>`}

    ${eligibility.shown || ages ? html`<h2 class="h4">${req.t('directory.finder.service.who')}</h2>${eligibility.markup}${ages ? html`<p>${ages}</p>` : ''}` : ''}
    ${apply.shown ? html`<h2 class="h4">${req.t('directory.finder.service.apply')}</h2>${apply.markup}` : ''}
    ${documents.length ? html`<h2 class="h4">${req.t('directory.finder.service.documents')}</h2><ul>${documents.map((d) => html`<li>${d.markup}</li>`)}</ul>` : ''}

    <h2 class="h4">${req.t('directory.finder.service.cost')}</h2>
    <p>${s.is_free === true ? req.t('directory.finder.service.free') : s.is_free === false ? req.t('directory.finder.service.paid') : req.t('directory.finder.service.costUnknown')}</p>
    ${fees.markup}
    ${snapshot.costOptions.length ? html`<ul>${snapshot.costOptions.map((c) => html`<li>${contentText(req, c.option).markup}${c.amount !== null ? html` — ${new Intl.NumberFormat(req.locale, { style: 'currency', currency: c.currency ?? 'EUR' }).format(c.amount)}` : ''}</li>`)}</ul>` : ''}

    <h2 class="h4">${req.t('directory.finder.service.languages')}</h2>
    <p>${languages.length ? languages.join(', ') : req.t('directory.finder.service.languagesUnknown')}</p>
    ${interpretation.shown ? html`<h3 class="h6">${req.t('directory.finder.service.interpretation')}</h3>${interpretation.markup}` : ''}

    <h2 class="h4">${req.t('directory.finder.service.hours')}</h2>
    ${serviceRanges.length ? hoursTable(req, serviceRanges, req.t('directory.finder.service.hoursCaption')) : html`<p>${req.t('directory.finder.service.hoursUnknown')}</p>`}
    ${exceptionList(req, upcoming)}

    <h2 class="h4">${req.t('directory.finder.service.where')}</h2>
    ${view.places.some((p) => p.location)
      ? html`<ul class="cv-places">${view.places.filter((p) => p.location).map((p) => {
          const own = ownRanges(salOf(p));
          return placeItem(req, p, placeName, view, own.length ? hoursTable(req, own, req.t('directory.finder.service.hoursAt')) : html``);
        })}</ul>`
      : html`<p>${req.t('directory.finder.service.noPlace')}</p>`}
    ${mapped.length && !view.isPrint
      ? html`<section class="cv-map cv-map-small" data-map hidden aria-labelledby="map-heading" ${attrs({ 'data-tiles': view.mapTiles?.url ?? null, 'data-attribution': view.mapTiles?.attribution ?? null, 'data-boundaries': view.boundariesUrl })}>
          <h3 id="map-heading" class="h6">${req.t('directory.finder.map.heading')}</h3>
          <div class="cv-map-canvas" role="region" aria-label="${req.t('directory.finder.map.serviceLabel')}"></div>
        </section>`
      : ''}

    <h2 class="h4">${req.t('directory.finder.service.contacts')}</h2>
    <ul class="cv-contacts">
      ${snapshot.phones.map((p) => {
        const label = contentText(req, p.description);
        return html`<li>${icon('it-telephone', 'icon-sm')} <a href="tel:${p.number.replace(/[^\d+]/g, '')}" dir="ltr">${p.number}</a>${label.shown ? html` — ${label.markup}` : ''}</li>`;
      })}
      ${s.email ? html`<li>${icon('it-mail', 'icon-sm')} <a href="mailto:${s.email}" dir="ltr">${s.email}</a></li>` : ''}
      ${s.url ? html`<li>${icon('it-external-link', 'icon-sm')} <a href="${s.url}" dir="ltr">${s.url}</a></li>` : ''}
      ${organisation?.website ? html`<li>${contentText(req, organisation.name).markup}: <a href="${organisation.website}" dir="ltr">${organisation.website}</a></li>` : ''}
    </ul>
    ${snapshot.phones.length === 0 && !s.email && !s.url && !organisation?.website ? html`<p>${req.t('directory.finder.service.noContacts')}</p>` : ''}

    <p class="cv-verified">${verified ? req.t('directory.finder.service.lastVerified', { date: formatDate(req.locale, verified) }) : req.t('directory.finder.service.notVerified')}
      · ${req.t('directory.finder.service.published', { date: formatDate(req.locale, snapshot.publishedAt) })}</p>
    ${view.isPrint
      ? html`<p class="cv-no-print"><button type="button" class="btn btn-primary" data-print hidden>${icon('it-print', 'icon-sm icon-white')} ${req.t('directory.finder.service.print')}</button>
          <a href="${href(req, `/services/${s.id}`)}">${req.t('directory.finder.service.backToPage')}</a></p>`
      : html`<p class="cv-no-print cv-service-actions"><a href="${href(req, `/services/${s.id}/print`)}">${icon('it-print', 'icon-sm icon-primary')} ${req.t('directory.finder.service.printable')}</a>
          <a href="${href(req, '/services')}">${req.t('directory.finder.service.back')}</a></p>`}
  </article>`;
}
