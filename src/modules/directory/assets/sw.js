// Crocevia's service worker: keeps the finder's shell and every finder and service page visited, so
// that the finder keeps working when the signal drops. Pages come from the network first; when it
// fails, the saved copy is shown with the date it was saved, or the offline page listing what is saved.
'use strict';
var VERSION = '__VERSION__';
var SHELL = 'crocevia-shell-' + VERSION;
var PAGES = 'crocevia-pages';
var LOCALE = /^\/(it|en|fr|es|ar|zh|sq|uk|bn|ur)(?:\/|$)/;
var FINDER = /^\/(?:it|en|fr|es|ar|zh|sq|uk|bn|ur)\/services(?:\/|$)/;
var MAX_SEARCH_PAGES = 40;

self.addEventListener('install', function () { self.skipWaiting(); });

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (keys) {
        return Promise.all(keys.filter(function (key) { return key.indexOf('crocevia-shell-') === 0 && key !== SHELL; }).map(function (key) { return caches.delete(key); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
}

function isSavable(response) {
  return response && response.ok && response.type === 'basic' &&
    /text\/html/.test(response.headers.get('content-type') || '') && !/no-store/.test(response.headers.get('cache-control') || '');
}

// A copy of a page with the moment it was saved and its title, as the offline list shows them.
function stamped(response) {
  return response.text().then(function (body) {
    var headers = new Headers(response.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    var title = /<title>([^<]*)<\/title>/.exec(body);
    headers.set('x-crocevia-saved-at', new Date().toISOString());
    headers.set('x-crocevia-title', encodeURIComponent(title ? title[1] : ''));
    return new Response(body, { status: 200, headers: headers });
  });
}

function keepFewSearches(cache) {
  return cache.keys().then(function (requests) {
    var searches = requests.filter(function (request) { return request.url.indexOf('?') !== -1; });
    return Promise.all(searches.slice(0, Math.max(0, searches.length - MAX_SEARCH_PAGES)).map(function (request) { return cache.delete(request); }));
  });
}

function putPage(url, response) {
  return stamped(response).then(function (copy) {
    return caches.open(PAGES).then(function (cache) {
      return cache.put(url, copy).then(function () { return keepFewSearches(cache); });
    });
  });
}

function savePage(path) {
  var url = new URL(path, self.location.origin).href;
  return fetch(url, { credentials: 'same-origin' }).then(function (response) {
    if (!isSavable(response)) return false;
    return putPage(url, response).then(function () { return true; });
  }).catch(function () { return false; });
}

function langOf(url) {
  var match = LOCALE.exec(new URL(url).pathname);
  return match ? match[1] : 'it';
}

function formatDate(iso, lang) {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(new Date(iso));
  } catch (error) {
    return iso;
  }
}

// Shows a saved page with the note saying when it was saved (the page carries the note, hidden and localised).
function withSavedNote(response, lang) {
  var savedAt = response.headers.get('x-crocevia-saved-at') || new Date().toISOString();
  return response.text().then(function (body) {
    var filled = body.replace(/<p class="cv-saved-note" data-saved-note="([^"]*)"\s+hidden><\/p>/, function (all, template) {
      return '<p class="cv-saved-note" data-saved-note="' + template + '" role="status">' + template.replace('{date}', escapeHtml(formatDate(savedAt, lang))) + '</p>';
    });
    return new Response(filled, { status: 200, headers: response.headers });
  });
}

function savedPagesIn(lang) {
  return caches.open(PAGES).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return cache.match(request).then(function (response) {
          return { url: request.url, title: decodeURIComponent(response.headers.get('x-crocevia-title') || ''), savedAt: response.headers.get('x-crocevia-saved-at') || '' };
        });
      }));
    });
  }).then(function (pages) {
    return pages.filter(function (page) { return langOf(page.url) === lang; }).sort(function (a, b) { return a.savedAt < b.savedAt ? 1 : -1; });
  });
}

// The offline page of the language, with the list of pages saved on the phone.
function offlinePage(lang) {
  return caches.open(SHELL)
    .then(function (cache) { return cache.match('/' + lang + '/services/offline'); })
    .then(function (page) { return Promise.all([page ? page.text() : null, savedPagesIn(lang)]); })
    .then(function (found) {
      var body = found[0];
      var pages = found[1];
      if (!body) {
        var links = pages.map(function (p) { return '<li><a href="' + escapeHtml(new URL(p.url).pathname + new URL(p.url).search) + '">' + p.title + '</a></li>'; }).join('');
        body = '<!doctype html><html lang="' + lang + '"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline</title><main id="main"><h1>Offline</h1><ul>' + links + '</ul></main></html>';
      } else {
        body = body.replace(/<ul class="cv-saved-list" data-saved-list\s+data-empty="([^"]*)"\s+data-item="([^"]*)"><\/ul>/, function (all, empty, item) {
          var items = pages.length === 0 ? '<li>' + empty + '</li>' : pages.map(function (p) {
            var url = new URL(p.url);
            return '<li><a href="' + escapeHtml(url.pathname + url.search) + '">' + p.title + '</a> — ' + item.replace('{date}', escapeHtml(formatDate(p.savedAt, lang))) + '</li>';
          }).join('');
          return '<ul class="cv-saved-list" data-saved-list>' + items + '</ul>';
        });
      }
      return new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    });
}

function networkFirst(event, url) {
  var request = event.request;
  var lang = langOf(request.url);
  return fetch(request).then(function (response) {
    if (FINDER.test(url.pathname) && isSavable(response)) event.waitUntil(putPage(request.url, response.clone()));
    return response;
  }).catch(function () {
    return caches.open(PAGES)
      .then(function (cache) { return cache.match(request.url); })
      .then(function (saved) { return saved ? withSavedNote(saved, lang) : offlinePage(lang); });
  });
}

function cacheFirst(request) {
  return caches.match(request).then(function (cached) {
    if (cached) return cached;
    return fetch(request).then(function (response) {
      if (response.ok && response.type === 'basic') {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) { return cache.put(request, copy); });
      }
      return response;
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf('/assets/') === 0 || url.pathname === '/favicon.svg') {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === 'navigate' && LOCALE.test(url.pathname)) {
    event.respondWith(networkFirst(event, url));
  }
});

self.addEventListener('message', function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (data.type === 'cache-shell' && Array.isArray(data.urls)) {
    event.waitUntil(caches.open(SHELL).then(function (cache) {
      return Promise.all(data.urls.map(function (path) {
        return cache.match(path).then(function (found) { return found || cache.add(path).catch(function () { return undefined; }); });
      }));
    }));
  } else if (data.type === 'save-pages' && Array.isArray(data.urls)) {
    var done = 0;
    var saved = 0;
    var total = data.urls.length;
    // A few at a time: a weak network should not see dozens of requests at once.
    var queue = data.urls.slice();
    var worker = function () {
      var next = queue.shift();
      if (next === undefined) return Promise.resolve();
      return savePage(next).then(function (isSaved) {
        done += 1;
        if (isSaved) saved += 1;
        if (port) port.postMessage({ type: 'progress', done: done, total: total });
        return worker();
      });
    };
    event.waitUntil(Promise.all([worker(), worker(), worker()]).then(function () {
      if (port) port.postMessage({ type: 'done', saved: saved, total: total });
    }));
  }
});
