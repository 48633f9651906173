// The incident map: bundled country outlines (works offline), an optional tile layer, clustered markers.
// Everything it needs comes from data- attributes of #map; the page has no inline script (strict CSP).
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") { return; }
  var map = L.map(el, { worldCopyJump: true, maxZoom: 18, minZoom: 2 }).setView([48, 60], 3);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution || "" }).addTo(map);
  }
  function getJSON(url, done) {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", url);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.onload = function () { if (xhr.status === 200) { done(JSON.parse(xhr.responseText)); } };
    xhr.send();
  }
  if (!el.dataset.tiles) {
    getJSON(el.dataset.outline, function (outline) {
      L.geoJSON(outline, { style: { className: "country", weight: 0.6 }, interactive: false }).addTo(map);
    });
  }
  var clusters = L.markerClusterGroup({ showCoverageOnHover: false });
  getJSON(el.dataset.features, function (fc) {
    L.geoJSON(fc, {
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, { radius: 6, weight: 1, color: "#1f3b57", fillOpacity: 0.8 });
      },
      onEachFeature: function (feature, layer) {
        // built with DOM calls, not HTML strings: place names come from articles
        var box = document.createElement("div");
        var a = document.createElement("a");
        a.href = "/incidents/" + encodeURIComponent(feature.id);
        a.textContent = feature.properties.subtype + " " + (feature.properties.date || "");
        box.appendChild(a);
        if (feature.properties.place) { box.appendChild(document.createTextNode(" · " + feature.properties.place)); }
        layer.bindPopup(box);
      }
    }).addTo(clusters);
    map.addLayer(clusters);
    el.dataset.loaded = String(fc.features.length);
  });
})();
