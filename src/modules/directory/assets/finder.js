// Crocevia finder: "near me", printing, and the offline copy (service worker, "save this area").
// Everything here is an enhancement: the finder works without it.
(function () {
  'use strict';
  var lang = document.documentElement.lang;

  var near = document.querySelector('[data-near-me]');
  if (near && 'geolocation' in navigator) {
    near.hidden = false;
    near.addEventListener('click', function () {
      var form = near.form;
      var status = form.querySelector('[data-near-status]');
      status.textContent = near.getAttribute('data-locating');
      navigator.geolocation.getCurrentPosition(
        function (position) {
          var lat = form.elements.lat;
          var lon = form.elements.lon;
          lat.disabled = false;
          lon.disabled = false;
          // About 100 m is enough to sort services by distance, and says less about the person.
          lat.value = position.coords.latitude.toFixed(3);
          lon.value = position.coords.longitude.toFixed(3);
          form.elements.province.value = '';
          form.elements.municipality.value = '';
          form.submit();
        },
        function () {
          status.textContent = near.getAttribute('data-denied');
        },
        { enableHighAccuracy: false, timeout: 20000, maximumAge: 600000 }
      );
    });
  }

  var print = document.querySelector('[data-print]');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', function () { window.print(); });
  }

  if (!('serviceWorker' in navigator) || !window.caches || !window.MessageChannel) return;

  function formatNow() {
    try {
      return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date());
    } catch (error) {
      return new Date().toLocaleString();
    }
  }

  function shellUrls() {
    var urls = ['/favicon.svg', '/' + lang + '/services/offline'];
    performance.getEntriesByType('resource').forEach(function (entry) {
      var url = new URL(entry.name);
      if (url.origin === location.origin && url.pathname.indexOf('/assets/') === 0) urls.push(url.pathname + url.search);
    });
    return urls;
  }

  function setUpSaveArea(worker) {
    var box = document.querySelector('[data-save-area]');
    if (!box) return;
    var button = box.querySelector('button');
    var status = box.querySelector('[role="status"]');
    box.hidden = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      status.textContent = box.getAttribute('data-saving').replace('{done}', '0').replace('{total}', '…');
      fetch(box.getAttribute('data-api') + '&lang=' + encodeURIComponent(lang), { credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) throw new Error('area list ' + response.status);
          return response.json();
        })
        .then(function (area) {
          var urls = area.items.map(function (item) { return item.path; });
          urls.push(location.pathname + location.search);
          var channel = new MessageChannel();
          channel.port1.onmessage = function (event) {
            var data = event.data;
            if (data.type === 'progress') {
              status.textContent = box.getAttribute('data-saving').replace('{done}', data.done).replace('{total}', data.total);
            } else if (data.type === 'done') {
              button.disabled = false;
              status.textContent = data.saved > 0
                ? box.getAttribute('data-saved').replace('{count}', data.saved).replace('{date}', formatNow())
                : box.getAttribute('data-failed');
            }
          };
          worker.postMessage({ type: 'save-pages', urls: urls }, [channel.port2]);
        })
        .catch(function () {
          button.disabled = false;
          status.textContent = box.getAttribute('data-failed');
        });
    });
  }

  window.addEventListener('load', function () {
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        var worker = registration.active;
        if (!worker) return;
        worker.postMessage({ type: 'cache-shell', urls: shellUrls() });
        // This visit's page arrived before the worker controlled it: save a copy now.
        var pages = [location.pathname + location.search];
        if (location.pathname !== '/' + lang + '/services' || location.search) pages.push('/' + lang + '/services');
        worker.postMessage({ type: 'save-pages', urls: pages });
        setUpSaveArea(worker);
      })
      .catch(function () { /* no offline copy; the finder still works online */ });
  });
})();
