// Article page: hover or focus a highlight (or a table row) to see its details.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("ann-data").textContent);
  function sections(node) {
    return (node.dataset.ann || "").split(/\s+/).filter((id) => data[id]).map((id) => ({ id, ...data[id] }));
  }
  function show(ev) {
    const node = ev.target.closest("[data-ann]");
    if (!node) return;
    const found = sections(node);
    if (found.length) NG.showCard(node, found);
  }
  for (const type of ["mouseover", "focusin"]) document.addEventListener(type, show);
  for (const type of ["mouseout", "focusout"]) {
    document.addEventListener(type, (ev) => {
      if (ev.target.closest("[data-ann]")) NG.hideCard();
    });
  }
})();
