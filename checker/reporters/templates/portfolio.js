/* The portfolio's filters, search box and sortable columns. The page is complete without this script: it only
   hides what the filters leave out and reorders rows. It has no words of its own (they are in the markup). */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var each = function (selector, root, fn) { Array.prototype.forEach.call((root || document).querySelectorAll(selector), fn); };
  var has = function (list, value) { return !value || (" " + (list || "") + " ").indexOf(" " + value + " ") >= 0; };

  function apply() {
    var org = form.elements.org.value, state = form.elements.state.value, pack = form.elements.pack.value,
        sev = form.elements.sev.value, query = form.elements.q.value.trim().toLowerCase();
    var matches = function (el) {
      return !query || (el.textContent + " " + (el.getAttribute("data-org") || "")).toLowerCase().indexOf(query) >= 0;
    };
    var hidden = [];
    each("table.matrix th.rule", null, function (th, i) { hidden[i] = !(has(th.dataset.pack, pack) && has(th.dataset.sev, sev)); th.hidden = hidden[i]; });
    each("table.matrix th.pack", null, function (th) {
      var n = 0;
      each("table.matrix th.rule", null, function (rule, i) { if (rule.dataset.pack === th.dataset.pack && !hidden[i]) { n += 1; } });
      th.hidden = n === 0;
      if (n) { th.colSpan = n; }
    });
    var shown = 0;
    each("table.matrix tr.svc-row", null, function (tr) {
      each("td.cell", tr, function (td, i) { td.hidden = hidden[i]; });
      tr.hidden = !((!org || tr.dataset.org === org) && has(tr.dataset.states, state) && matches(tr));
      if (!tr.hidden) { shown += 1; }
    });
    each("table.matrix tr.org", null, function (tr) {
      var next = tr.nextElementSibling, any = false;
      while (next && next.classList.contains("svc-row")) { any = any || !next.hidden; next = next.nextElementSibling; }
      tr.hidden = !any;
    });
    each("article.service", null, function (article) {
      article.hidden = !((!org || article.dataset.org === org) && has(article.dataset.states, state) && matches(article));
    });
    each("tr.finding", null, function (tr) { tr.hidden = !(has(tr.dataset.state, state) && has(tr.dataset.pack, pack) && has(tr.dataset.sev, sev)); });
    each("div.org-group", null, function (group) { group.hidden = !group.querySelector("article.service:not([hidden])"); });
    each("tr.rule-page", null, function (tr) { tr.hidden = !(has(tr.dataset.pack, pack) && has(tr.dataset.sev, sev) && matches(tr)); });
    form.elements.shown.value = String(shown);
  }

  if (form) {
    form.hidden = false;
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  var key = function (row, column) {
    var cell = row.cells[column];
    if (!cell) { return ""; }
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  };
  var number = /^-?\d+(\.\d+)?$/;
  var compare = function (a, b) {
    if (number.test(a) && number.test(b)) { return parseFloat(a) - parseFloat(b); }
    return a.localeCompare(b, document.documentElement.lang);
  };
  each("table.sortable", null, function (table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var direction = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        Array.prototype.forEach.call(heads, function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) { return direction * compare(key(a, column), key(b, column)); });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
}());
