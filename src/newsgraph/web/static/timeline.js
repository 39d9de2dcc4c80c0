// Timeline: events by PLOVER type per day, and numeric claims as series with each source's value;
// claims that disagree with another claim of the same holder, unit and place are marked.
"use strict";
(async function () {
  const PALETTE = ["#2b6cb0", "#c53030", "#2f855a", "#b7791f", "#6b46c1", "#d53f8c", "#319795", "#4a5568", "#dd6b20", "#718096"];
  const day = (s) => Date.parse(`${s}T00:00:00Z`) / 1000;
  const width = () => Math.max(480, document.querySelector("main").clientWidth - 20);

  // Points per series; with `stacked`, bars stacked per day (each drawn as the sum of itself and
  // the series after it, tallest first; the legend shows the series' own count).
  function chart(box, xs, named, stacked) {
    box.replaceChildren();
    let values = named.map((s) => s.values);
    if (stacked) {
      values = named.map((_, i) => xs.map((__, j) => named.slice(i).reduce((t, s) => t + (s.values[j] || 0), 0) || null));
    }
    const bars = stacked ? uPlot.paths.bars({ size: [0.6, 48] }) : null;
    const opts = {
      width: width(), height: 280,
      scales: { x: { time: true } },
      series: [{}, ...named.map((s, i) => ({
        label: s.label, stroke: s.stroke || PALETTE[i % PALETTE.length], width: stacked ? 1 : 0,
        fill: stacked ? PALETTE[i % PALETTE.length] : undefined, paths: bars || undefined,
        points: { show: !stacked, size: s.size || 9, width: 2, fill: s.fill || PALETTE[i % PALETTE.length] },
        value: (u, v, si, idx) => (idx === null || idx === undefined ? "--" : named[si - 1].values[idx] ?? "--"),
      }))],
    };
    return new uPlot(opts, [xs, ...values], box);
  }

  async function events() {
    const box = document.getElementById("events-chart");
    try {
      const { items } = await NG.api("/api/timeline");
      if (!items.length) {
        box.replaceChildren(NG.el("p", { class: "muted" }, "No dated events match these filters."));
        return;
      }
      const days = [...new Set(items.map((r) => r.day))].sort();
      const totals = {};
      for (const r of items) totals[r.plover] = (totals[r.plover] || 0) + r.n;
      const types = Object.keys(totals).sort((a, b) => totals[b] - totals[a]).slice(0, PALETTE.length);
      const named = types.map((t) => ({ label: t, values: days.map((d) => {
        const hit = items.find((r) => r.day === d && r.plover === t);
        return hit ? hit.n : null;
      }) }));
      chart(box, days.map(day), named, true);
    } catch (err) {
      NG.showError(box, err);
    }
  }

  async function series(form) {
    const box = document.getElementById("series-chart");
    const body = document.querySelector("#series-table tbody");
    const extra = Object.fromEntries(new FormData(form).entries());
    try {
      const { items } = await NG.api("/api/series", extra);
      body.replaceChildren(...items.map((r) => NG.el("tr", { class: r.disagreement ? "disagree" : null },
        NG.el("td", {}, r.day || "undated"), NG.el("td", {}, r.value.toLocaleString("en")), NG.el("td", {}, r.unit),
        NG.el("td", {}, r.holder || ""), NG.el("td", {}, r.place_name || ""),
        NG.el("td", {}, (r.provenance && r.provenance.length ? r.provenance.join(" → ") : r.outlet) || ""),
        NG.el("td", {}, r.disagreement ? `⚠ ${r.n_values} values (${r.window_min.toLocaleString("en")}–${r.window_max.toLocaleString("en")})` : ""),
        NG.el("td", { class: "evidence" }, r.evidence || ""))));
      const dated = items.filter((r) => r.day);
      if (!dated.length) {
        box.replaceChildren(NG.el("p", { class: "muted" }, "No dated numeric claims match these filters."));
        return;
      }
      const days = [...new Set(dated.map((r) => r.day))].sort();
      const source = (r) => (r.provenance && r.provenance[0]) || r.outlet || "?";
      const key = (r) => `${r.holder || "?"} · ${r.unit} · ${source(r)}`;
      const keys = [...new Set(dated.map(key))].slice(0, PALETTE.length);
      const named = keys.map((k) => ({ label: k, values: days.map((d) => {
        const hit = dated.find((r) => r.day === d && key(r) === k);
        return hit ? hit.value : null;
      }) }));
      // Claims that disagree with another claim of the window: a red ring around the point.
      named.push({ label: "disagreement", stroke: "#c53030", fill: "rgba(0,0,0,0)", size: 18,
        values: days.map((d) => {
          const hit = dated.find((r) => r.day === d && r.disagreement);
          return hit ? hit.value : null;
        }) });
      chart(box, days.map(day), named, false);
    } catch (err) {
      NG.showError(box, err);
    }
  }

  const form = document.getElementById("series-form");
  form.addEventListener("submit", (ev) => { ev.preventDefault(); series(form); });
  await Promise.all([events(), series(form)]);
  document.querySelector("main").dataset.ready = "true";
})();
