// Actor network: nodes sized by activity, edges coloured by cooperation/conflict (quad class).
// Clicking an actor sets the actor filter for every other view and lists its events and quotes.
"use strict";
(async function () {
  const box = document.getElementById("graph");
  const side = document.getElementById("sel-body");
  const title = document.getElementById("sel-title");
  const hint = document.getElementById("sel-hint");
  const TONE = { cooperation: "#2f855a", conflict: "#c53030", mixed: "#b7791f" };
  let data;
  try {
    data = await NG.api("/api/graph", { max_nodes: 80 });
  } catch (err) {
    NG.showError(box, err);
    return;
  }
  if (!data.nodes.length) {
    box.replaceChildren(NG.el("p", { class: "muted" }, "No events between actors match these filters."));
    return;
  }
  const most = Math.max(...data.nodes.map((n) => n.activity));
  const heaviest = Math.max(...data.edges.map((e) => e.weight), 1);
  const elements = [
    ...data.nodes.map((n) => ({ data: { id: n.id, label: n.name || n.id, activity: n.activity, country: n.country, sector: n.sector } })),
    ...data.edges.map((e, i) => ({
      data: { id: `e${i}`, source: e.source, target: e.target, weight: e.weight, tone: e.tone,
              cooperation: e.cooperation, conflict: e.conflict, types: (e.types || []).join(", ") },
    })),
  ];
  const cy = cytoscape({
    container: box,
    elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
          "background-color": "#2b6cb0", label: "data(label)", "font-size": 11, color: "#1a202c",
          "text-valign": "bottom", "text-margin-y": 3, "text-outline-color": "#fff", "text-outline-width": 2,
          width: `mapData(activity, 0, ${most}, 14, 56)`, height: `mapData(activity, 0, ${most}, 14, 56)` } },
      { selector: "edge", style: {
          width: `mapData(weight, 1, ${heaviest}, 1.5, 8)`, "curve-style": "bezier", "target-arrow-shape": "triangle",
          "line-color": (e) => TONE[e.data("tone")], "target-arrow-color": (e) => TONE[e.data("tone")], opacity: 0.75 } },
      { selector: "node.selected", style: { "background-color": "#805ad5", "border-width": 3, "border-color": "#44337a" } },
      { selector: ".faded", style: { opacity: 0.15 } },
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90, padding: 20 },
  });
  window.ngGraph = cy;

  function list(heading, rows) {
    const ul = NG.el("ul", { class: "plain" });
    for (const r of rows) ul.append(r);
    return [NG.el("h3", {}, heading), rows.length ? ul : NG.el("p", { class: "muted" }, "none")];
  }

  async function select(node) {
    const id = node.id();
    cy.elements().removeClass("faded selected");
    cy.elements().difference(node.closedNeighborhood()).addClass("faded");
    node.addClass("selected");
    NG.setFilter("actor", id);
    title.textContent = node.data("label");
    hint.textContent = `${id} · ${node.data("activity")} events · the other views are now filtered by this actor`;
    try {
      const [events, quotes] = await Promise.all([
        NG.api("/api/events", { actor: id, limit: 15 }),
        NG.api("/api/quotes", { actor: id, limit: 10 }),
      ]);
      const evRows = events.items.map((e) => NG.el("li", {},
        NG.el("a", { href: `/articles/${encodeURIComponent(e.article_id)}` }, `${e.day || "undated"} ${e.plover}`),
        ` ${(e.source || []).join(", ")} → ${(e.target || []).join(", ") || "—"} (${e.modality})`));
      const qRows = quotes.items.map((q) => NG.el("li", {}, `“${q.text.slice(0, 120)}” `,
        NG.el("span", { class: "muted" }, (q.provenance || []).join(" → "))));
      side.replaceChildren(...list(`Events (${events.total})`, evRows), ...list(`Quotes (${quotes.total})`, qRows));
    } catch (err) {
      NG.showError(side, err);
    }
  }

  cy.on("tap", "node", (ev) => select(ev.target));
  cy.on("tap", (ev) => {
    if (ev.target === cy) {
      cy.elements().removeClass("faded selected");
      NG.setFilter("actor", "");
      title.textContent = "Select an actor";
      side.replaceChildren();
    }
  });
  cy.on("mouseover", "edge", (ev) => {
    const e = ev.target;
    NG.showCard(box, [{ kind: "edge", title: `${e.source().data("label")} → ${e.target().data("label")}`,
      events: e.data("weight"), cooperation: e.data("cooperation"), conflict: e.data("conflict"), types: e.data("types") }]);
  });
  cy.on("mouseout", "edge", () => NG.hideCard());
  box.dataset.ready = "true";
})();
