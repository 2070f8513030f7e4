// Crocevia map island: loads Leaflet only when the map comes into view, then shows the places listed
// on the page (elements with data-map-point) over the province boundaries, and over tiles if configured.
(function () {
  'use strict';
  var script = document.currentScript;
  var section = document.querySelector('[data-map]');
  if (!script || !section) return;
  var points = Array.prototype.slice.call(document.querySelectorAll('[data-map-point]'));
  if (points.length === 0) return;
  section.hidden = false;
  var isStarted = false;

  function load(tag, attributes, onLoad) {
    var element = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    if (onLoad) element.addEventListener('load', onLoad);
    document.head.appendChild(element);
  }

  function draw() {
    var L = window.L;
    var canvas = section.querySelector('.cv-map-canvas');
    canvas.setAttribute('dir', 'ltr');
    var map = L.map(canvas, { scrollWheelZoom: false });
    var tiles = section.getAttribute('data-tiles');
    if (tiles) L.tileLayer(tiles, { attribution: section.getAttribute('data-attribution') || '', maxZoom: 19 }).addTo(map);
    var markers = L.featureGroup();
    points.forEach(function (point) {
      var marker = L.circleMarker([Number(point.getAttribute('data-lat')), Number(point.getAttribute('data-lon'))], {
        radius: 8, color: '#ffffff', weight: 2, fillColor: '#0059b3', fillOpacity: 1
      });
      var label = document.createElement(point.getAttribute('data-href') ? 'a' : 'span');
      label.textContent = point.getAttribute('data-name') || '';
      if (point.getAttribute('data-href')) label.setAttribute('href', point.getAttribute('data-href'));
      marker.bindPopup(label);
      markers.addLayer(marker);
    });
    markers.addTo(map);
    // Without tiles, the boundaries are the only context: do not zoom in past the province.
    map.fitBounds(markers.getBounds().pad(0.3), { maxZoom: tiles ? 15 : 9 });
    var boundaries = (section.getAttribute('data-boundaries') || '').split(' ').filter(Boolean);
    boundaries.forEach(function (url) {
      fetch(url)
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (geojson) {
          if (!geojson) return;
          L.geoJSON(geojson, { interactive: false, style: { color: '#5c6f82', weight: 1, fillColor: '#ffffff', fillOpacity: tiles ? 0 : 0.7 } }).addTo(map).bringToBack();
        })
        .catch(function () { /* the markers are enough */ });
    });
  }

  function start() {
    if (isStarted) return;
    isStarted = true;
    load('link', { rel: 'stylesheet', href: script.getAttribute('data-leaflet-css') });
    load('script', { src: script.getAttribute('data-leaflet-js') }, draw);
  }

  if ('IntersectionObserver' in window) {
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        start();
      }
    }, { rootMargin: '200px' });
    observer.observe(section);
  } else {
    start();
  }
})();
