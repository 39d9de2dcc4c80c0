// Map: located events and places drawn on the bundled world geometry (world-atlas, 1:110m),
// equirectangular projection in plain SVG. Nothing is fetched from elsewhere.
"use strict";
(async function () {
  const svg = document.getElementById("map");
  const list = document.getElementById("place-list");
  const NS = "http://www.w3.org/2000/svg";
  const W = 960, H = 480;
  const x = (lon) => ((lon + 180) / 360) * W;
  const y = (lat) => ((90 - lat) / 180) * H;

  function node(tag, attrs, text) {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function ringPath(ring) {
    let d = "";
    let prev = null;
    for (const [lon, lat] of ring) {
      const jump = prev !== null && Math.abs(lon - prev) > 180;  // crosses the antimeridian
      d += `${d === "" || jump ? "M" : "L"}${x(lon).toFixed(1)},${y(lat).toFixed(1)}`;
      prev = lon;
    }
    return `${d}Z`;
  }

  function featurePath(geometry) {
    if (!geometry) return "";
    const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    return polys.map((rings) => rings.map(ringPath).join("")).join("");
  }

  let topo, places;
  try {
    [topo, places] = await Promise.all([
      fetch("/static/vendor/world-atlas/countries-110m.json").then((r) => r.json()),
      NG.api("/api/places", { limit: 500 }),
    ]);
  } catch (err) {
    NG.showError(list, err);
    return;
  }
  svg.append(node("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
  const land = node("g", { class: "land" });
  for (const f of topojson.feature(topo, topo.objects.countries).features) {
    const p = node("path", { d: featurePath(f.geometry) });
    p.append(node("title", {}, f.properties.name));
    land.append(p);
  }
  svg.append(land);

  const items = places.items;
  // Zoom to the places (at least 60° of longitude wide), keeping the 2:1 frame.
  let view = [0, 0, W, H];
  if (items.length) {
    const xs = items.map((p) => x(p.lon)), ys = items.map((p) => y(p.lat));
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const w = Math.min(W, Math.max(160, (Math.max(...xs) - Math.min(...xs)) * 1.4, (Math.max(...ys) - Math.min(...ys)) * 2.8));
    const h = w / 2;
    view = [Math.max(0, Math.min(W - w, cx - w / 2)), Math.max(0, Math.min(H - h, cy - h / 2)), w, h];
  }
  svg.setAttribute("viewBox", view.join(" "));
  const k = view[2] / W;  // marks keep their size on screen whatever the zoom
  const most = Math.max(1, ...items.map((p) => p.n_events));
  const dots = node("g", { class: "dots" });
  const labels = node("g", { class: "labels" });
  items.slice().reverse().forEach((p) => {
    const r = (p.n_events ? 4 + 12 * Math.sqrt(p.n_events / most) : 3.5) * k;
    const c = node("circle", { cx: x(p.lon), cy: y(p.lat), r, class: p.n_events ? "ev" : "pl", tabindex: 0,
                              "stroke-width": k });
    c.append(node("title", {}, `${p.name} (${p.country || "?"}): ${p.n_events} events, ${p.n_articles} articles`));
    c.addEventListener("click", () => { if (p.country) NG.setFilter("country", p.country); });
    dots.append(c);
  });
  // One label per spot (the place with most events there), for the busiest dozen spots.
  const labelled = new Set();
  items.filter((p) => p.n_events).forEach((p) => {
    const spot = `${Math.round(p.lon)},${Math.round(p.lat)}`;
    if (labelled.has(spot) || labelled.size >= 12) return;
    labelled.add(spot);
    labels.append(node("text", { x: x(p.lon) + 9 * k, y: y(p.lat) - 9 * k, class: "place-label",
                                 "font-size": 13 * k, "stroke-width": 3 * k }, p.name));
  });
  svg.append(dots, labels);

  for (const p of items) {
    list.append(NG.el("li", { "data-country": p.country || "" },
      NG.el("strong", {}, p.name), ` ${p.country || ""} · ${p.n_events} events · ${p.n_articles} articles`,
      p.types && p.types.length ? NG.el("div", { class: "muted" }, p.types.join(", ")) : null));
  }
  if (!items.length) list.append(NG.el("li", { class: "muted" }, "No located place matches these filters."));
  svg.dataset.ready = "true";
})();
