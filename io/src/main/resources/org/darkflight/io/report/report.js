(function () {
  'use strict';
  var status = window.darkflightStatus;
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function textTip(lines) {
    return function () {
      var d = document.createElement('div');
      lines.forEach(function (l, i) {
        if (i > 0) { d.appendChild(document.createElement('br')); }
        d.appendChild(document.createTextNode(l));
      });
      return d;
    };
  }
  var data = JSON.parse(document.getElementById('darkflight-data').textContent);
  status.leaflet = L.version;
  var map = L.map('map', {zoomSnap: 0.25, attributionControl: false});
  var bounds = L.latLngBounds([]);
  var overlays = {};
  var counts = {points: 0, ellipses: 0, heatmaps: 0, trajectories: 0, luminous_end: 0,
      search_areas: 0, transects: 0, waypoints: 0};

  // The view first (Leaflet clips vector layers to the renderer's bounds, which need a view).
  data.heatmaps.forEach(function (h) { bounds.extend([[h.south, h.west], [h.north, h.east]]); });
  data.ellipses.forEach(function (e) { e.ring.forEach(function (p) { bounds.extend(p); }); });
  data.search_areas.forEach(function (a) {
    a.polygons.forEach(function (p) { p[0].forEach(function (q) { bounds.extend(q); }); });
  });
  data.trajectories.forEach(function (t) { t.path.forEach(function (p) { bounds.extend(p); }); });
  data.points.forEach(function (p) { bounds.extend([p[0], p[1]]); });
  if (data.luminous_end) { bounds.extend([data.luminous_end.lat, data.luminous_end.lon]); }
  if (bounds.isValid()) {
    map.fitBounds(bounds.pad(0.08));
  } else {
    map.setView([0, 0], 2);
  }

  data.heatmaps.forEach(function (h) {
    var b = [[h.south, h.west], [h.north, h.east]];
    var layer = L.imageOverlay(h.src, b, {opacity: h.opacity, className: 'df-heatmap'});
    overlays[esc(h.name)] = layer.addTo(map);
    counts.heatmaps++;
  });

  var levels = {};
  data.ellipses.forEach(function (e) {
    var key = Math.round(e.level * 1000) / 10;
    if (!levels[key]) { levels[key] = L.layerGroup(); }
    var dash = e.level < 0.75 ? null : (e.level < 0.95 ? '6 4' : '2 4');
    L.polygon(e.ring, {color: data.classes[e.cls].colour, weight: 2, dashArray: dash,
        fillOpacity: 0.05, className: 'df-ellipse'})
      .bindTooltip(textTip([key + ' % ellipse: ' + data.classes[e.cls].label,
          'semi-axes ' + e.a + ' m × ' + e.b + ' m, azimuth ' + e.az + '°',
          e.n + ' samples']))
      .addTo(levels[key]);
    counts.ellipses++;
  });
  Object.keys(levels).sort(function (a, b) { return a - b; }).forEach(function (k) {
    overlays['Ellipses ' + k + ' %'] = levels[k].addTo(map);
  });

  // Search plan: areas by level (the inner, more probable one bolder), transects (off at first:
  // lines tens of metres apart fill the view); its waypoints go above the landing points.
  var searchLevels = {};
  data.search_areas.forEach(function (a) {
    var key = Math.round(a.level * 1000) / 10;
    if (!searchLevels[key]) { searchLevels[key] = L.layerGroup(); }
    var inner = a.level < 0.75;
    var c = data.classes[a.cls] ? data.classes[a.cls].colour : '#555';
    L.polygon(a.polygons, {color: c, weight: inner ? 3 : 2, fillOpacity: inner ? 0.18 : 0.08,
        className: 'df-search-area'})
      .bindTooltip(textTip([key + ' % search area: ' + a.label,
          a.km2 + ' km², ' + a.inside + ' % of the class\'s landings inside',
          a.km + ' km of transects, about ' + a.h + ' h of walking (one searcher)']))
      .addTo(searchLevels[key]);
    counts.search_areas++;
  });
  Object.keys(searchLevels).sort(function (a, b) { return a - b; }).forEach(function (k) {
    overlays['Search areas ' + k + ' %'] = searchLevels[k].addTo(map);
  });
  if (data.transects.length > 0) {
    var transects = L.layerGroup();
    data.transects.forEach(function (t) {
      L.polyline(t.segments, {color: '#222', weight: 1, opacity: 0.7, className: 'df-transect'})
        .bindTooltip(textTip(['transects ' + t.name, t.cmt])).addTo(transects);
      counts.transects++;
    });
    overlays['Search transects (' + data.transects.length + ' tracks)'] = transects;
  }

  if (data.trajectories.length > 0) {
    var traj = L.layerGroup();
    data.trajectories.forEach(function (t) {
      L.polyline(t.path, {color: '#5555dd', weight: 2, opacity: 0.8, className: 'df-trajectory'})
        .bindTooltip(textTip(['trajectory: ' + t.id, t.cls, t.mass + ' kg, ' + t.dur + ' s']))
        .addTo(traj);
      counts.trajectories++;
    });
    overlays['Trajectories (nominal)'] = traj.addTo(map);
  }

  var pts = L.layerGroup();
  data.points.forEach(function (p) {
    var c = data.classes[p[2]];
    L.circleMarker([p[0], p[1]], {radius: 4, color: '#333', weight: 0.6, fillColor: c.colour,
        fillOpacity: 0.9, className: 'df-point'})
      .bindTooltip(textTip([p[6] + (p[5] >= 0 ? ' #' + p[5] : ''), c.label,
          p[3] + ' kg, ' + p[4] + ' m/s']))
      .addTo(pts);
    counts.points++;
  });
  overlays['Landing points (' + data.points.length + ' shown)'] = pts.addTo(map);

  if (data.waypoints.length > 0) {
    var waypoints = L.layerGroup();
    data.waypoints.forEach(function (w) {
      L.circleMarker([w.lat, w.lon], {radius: 5, color: '#000', weight: 1.5,
          fillColor: '#1e88e5', fillOpacity: 1, className: 'df-waypoint'})
        .bindTooltip(textTip([w.name, w.desc])).addTo(waypoints);
      counts.waypoints++;
    });
    overlays['Search waypoints'] = waypoints.addTo(map);
  }

  if (data.luminous_end) {
    var le = [data.luminous_end.lat, data.luminous_end.lon];
    overlays['Luminous end'] = L.circleMarker(le, {radius: 7, color: '#000', weight: 2,
        fillColor: '#fff', fillOpacity: 1, className: 'df-luminous'})
      .bindTooltip(textTip(['end of luminous flight'])).addTo(map);
    counts.luminous_end = 1;
  }

  // Graticule: a plain lat/lon grid (no tiles are loaded; the page works offline).
  var grat = L.layerGroup();
  var view = map.getBounds().pad(0.5);
  var span = Math.max(view.getNorth() - view.getSouth(), view.getEast() - view.getWest());
  var steps = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30];
  var step = steps[steps.length - 1];
  for (var i = 0; i < steps.length; i++) { if (span / steps[i] <= 12) { step = steps[i]; break; } }
  var dec = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  for (var lat = Math.ceil(view.getSouth() / step) * step; lat <= view.getNorth(); lat += step) {
    L.polyline([[lat, view.getWest()], [lat, view.getEast()]],
        {color: '#99a', weight: 0.7, interactive: false, className: 'df-graticule'}).addTo(grat);
    L.marker([lat, map.getBounds().getWest()], {interactive: false, icon: L.divIcon({
        className: 'df-gratlabel', html: lat.toFixed(dec) + '°', iconSize: null,
        iconAnchor: [-2, 12]})}).addTo(grat);
  }
  for (var lon = Math.ceil(view.getWest() / step) * step; lon <= view.getEast(); lon += step) {
    L.polyline([[view.getSouth(), lon], [view.getNorth(), lon]],
        {color: '#99a', weight: 0.7, interactive: false, className: 'df-graticule'}).addTo(grat);
    L.marker([map.getBounds().getSouth(), lon], {interactive: false, icon: L.divIcon({
        className: 'df-gratlabel', html: lon.toFixed(dec) + '°', iconSize: null,
        iconAnchor: [-2, 14]})}).addTo(grat);
  }
  overlays['Lat/lon grid'] = grat.addTo(map);
  grat.eachLayer(function (l) { if (l.bringToBack) { l.bringToBack(); } });

  L.control.layers(null, overlays, {collapsed: false, position: 'topright'}).addTo(map);
  L.control.scale({metric: true, imperial: false}).addTo(map);
  var legend = L.control({position: 'bottomright'});
  legend.onAdd = function () {
    var d = L.DomUtil.create('div', 'df-legend');
    var t = document.createElement('b');
    t.textContent = 'Final mass class';
    d.appendChild(t);
    data.classes.forEach(function (c) {
      var row = document.createElement('div');
      var sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = c.colour;
      row.appendChild(sw);
      row.appendChild(document.createTextNode(c.label + ' (' + c.shown + ' of ' + c.total + ')'));
      d.appendChild(row);
    });
    return d;
  };
  legend.addTo(map);

  status.layers = counts;
  status.ready = true;
  window.darkflightWriteStatus();
})();
