/*
 * Archive search on the page: Material's header search box, the search page
 * with filters, snippets with highlighted matches. The engine is
 * archive-search-engine.js (window.archiveSearch), loaded before this file.
 */
(function () {
  "use strict";

  var engine = window.archiveSearch;
  var ROOT = engine.root, FACETS = engine.facets, search = engine.search, meta = engine.meta,
      row = engine.row, load = engine.load, normaliseWithMap = engine.normaliseWithMap;

  /* ---- Snippets with highlighted matches ---- */
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }

  /* Source ranges of every occurrence of the needles in text. */
  function matchRanges(text, needles) {
    var norm = normaliseWithMap(text), ranges = [];
    needles.forEach(function (needle) {
      if (!needle) return;
      for (var at = norm.text.indexOf(needle); at >= 0; at = norm.text.indexOf(needle, at + 1)) {
        var end = norm.map[at + needle.length - 1];
        ranges.push([norm.map[at], end + (text.codePointAt(end) > 0xFFFF ? 2 : 1), needle]);
      }
    });
    return ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  }

  function highlight(text, ranges) {
    var html = "", at = 0;
    ranges.forEach(function (range) {
      if (range[1] <= at) return;
      var start = Math.max(range[0], at);
      html += escapeHtml(text.slice(at, start)) + "<mark>" + escapeHtml(text.slice(start, range[1])) + "</mark>";
      at = range[1];
    });
    return html + escapeHtml(text.slice(at));
  }

  /* Start of the 120-character window holding the most matches (all terms, for partial matches). */
  function densest(ranges) {
    var best = 0, bestCount = -1;
    ranges.forEach(function (range) {
      var kinds = {};
      ranges.forEach(function (other) { if (other[0] >= range[0] && other[0] < range[0] + 120) kinds[other[2]] = 1; });
      var count = Object.keys(kinds).length;
      if (count > bestCount) { best = range[0]; bestCount = count; }
    });
    return best;
  }

  function needlesOf(result) {
    return result.exact ? [result.phrase] : result.terms;
  }

  /* Loads the result's display row (result.doc) and the text section to show
     (none for a document without text). */
  function snippet(result) {
    return meta().then(function (m) {
      return row(result.n, m).then(function (doc) {
        result.doc = doc;
        if (result.textSection < 0) return excerpt(["", "", ""], result);
        var file = 0, first = 0;
        while (file + 1 < doc.chunks.length && first + doc.chunks[file] <= result.textSection) first += doc.chunks[file++];
        return load("t/" + result.n + "-" + file).then(function (rows) {
          return excerpt(sectionOfRow(rows[result.textSection - first] || ["", ""]), result);
        });
      });
    });
  }

  /* A stored text row, [anchor, text] or [anchor, text, heading], as [anchor, heading, text]
     (mirror of shards.py section_of_row: a heading is stored only when it is not the first line). */
  function sectionOfRow(row) {
    var heading = row.length > 2 ? row[2] : row[0] ? row[1].split("\n")[0] : "";
    return [row[0], heading, row[1]];
  }

  /* Section anchor, heading and a highlighted excerpt around the densest matches. */
  function excerpt(section, result) {
    var text = section[2], ranges = matchRanges(text, needlesOf(result));
    if (!ranges.length) ranges = matchRanges(text, result.terms);
    var first = densest(ranges);
    var start = Math.max(0, first - 40), end = Math.min(text.length, first + 120);
    var shown = ranges.filter(function (r) { return r[0] >= start && r[1] <= end; })
      .map(function (r) { return [r[0] - start, r[1] - start]; });
    var shownText = text.slice(start, end).replace(/\n/g, " ");
    return {
      anchor: section[0], heading: section[1],
      html: (start ? "…" : "") + highlight(shownText, shown) + (end < text.length ? "…" : "")
    };
  }

  var TITLE_LENGTH = 80;
  function shortTitle(title) {
    return title.length > TITLE_LENGTH ? title.slice(0, TITLE_LENGTH) + "…" : title;
  }

  function documentUrl(result, anchor) {
    return ROOT + result.doc.url + (anchor ? "#" + encodeURIComponent(anchor) : "");
  }

  /* ---- Rendering in Material's search-result markup ---- */
  function metaLine(doc) {
    return [doc.doc_number, doc.issuer, doc.region, doc.year, doc.doc_type].filter(Boolean).map(escapeHtml).join(" · ");
  }

  /* The validity badge of the site's cards and lists (archive.css); like the lists, only known validity. */
  var UNKNOWN_STATUS = "未知", IN_FORCE = "现行有效";
  function statusBadge(result, m) {
    var status = result.facets.status[0];
    if (!status || status === UNKNOWN_STATUS) return "";
    return ' <span class="doc-status doc-status--' + escapeHtml(m.status_classes[status] || "unknown") + '">' +
      escapeHtml(status) + "</span>";
  }

  /* The results' items, in order. The first is filled in before the others ask for their rows
     and texts, so that its two files do not queue behind theirs (the first result shows sooner);
     the others are not asked for once a newer query has emptied the list. */
  function renderItems(results, list) {
    var items = results.map(function () {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      list.appendChild(item);
      return item;
    });
    if (!items.length) return Promise.resolve();
    var first = fillItem(items[0], results[0]);
    return Promise.all([first, first.catch(function () {}).then(function () {
      if (items[0].parentNode !== list) return;
      return Promise.all(results.slice(1).map(function (result, k) { return fillItem(items[k + 1], result); }));
    })]);
  }

  function fillItem(item, result) {
    return Promise.all([snippet(result), meta()]).then(function (loaded) {
      var s = loaded[0], m = loaded[1];
      var title = highlight(shortTitle(result.doc.title), matchRanges(shortTitle(result.doc.title), needlesOf(result)));
      var section = s.heading && s.heading !== result.doc.title
        ? '<p class="archive-search__section">§ ' + escapeHtml(s.heading) + "</p>" : "";
      item.innerHTML =
        '<a href="' + escapeHtml(documentUrl(result, s.anchor)) + '" class="md-search-result__link" tabindex="-1">' +
        '<article class="md-search-result__article md-typeset">' +
        "<h1>" + title + statusBadge(result, m) + "</h1>" +
        '<p class="archive-search__meta">' + metaLine(result.doc) + "</p>" + section +
        '<p class="archive-search__snippet">' + s.html + "</p>" +
        partialNote(result) +
        "</article></a>";
      markFirstResult();
    });
  }

  function partialNote(result) {
    if (result.exact) return "";
    var note = result.byNumber ? "发文字号相符" : "近似结果：各词分别出现，未连续出现";
    return '<p class="archive-search__partial">' + note + "</p>";
  }

  /* Time of the first answer on screen (a result, or "nothing found"), for the benchmarks. */
  var firstResultMarked = false;
  function markFirstResult() {
    if (firstResultMarked) return;
    firstResultMarked = true;
    engine.firstResultAt = performance.now();
    if (performance.mark) performance.mark("archive-search:first-result");
  }

  /* Results where the terms only occur apart are approximate: the summary says so first. */
  function summary(outcome, shown) {
    var q = escapeHtml(outcome.query.terms.join(" "));
    if (!outcome.results.length) {
      markFirstResult();
      return outcome.matched ? "筛选条件下没有结果（共 " + outcome.matched + " 个文件含「" + q + "」）"
                             : "没有文件包含「" + q + "」";
    }
    var direct = outcome.results.some(function (r) { return r.exact || r.byNumber; });
    var text = direct ? "共 " + outcome.results.length + " 个文件含「" + q + "」"
      : "没有文件连续包含「" + escapeHtml(outcome.query.phrase) + "」；近似结果：" + outcome.results.length +
        " 个文件分别含「" + outcome.query.terms.map(escapeHtml).join("」「") + "」";
    if (!outcome.complete) text = text.replace("共 ", "已找到 ") + "，正在查找其余文件……";
    return shown < outcome.results.length ? text + "，显示前 " + shown + " 个" : text;
  }

  function searchPageUrl(query, filters) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    FACETS.forEach(function (name) { if (filters && filters[name]) params.set(name, filters[name]); });
    return meta().then(function (m) { return ROOT + m.search_page + "?" + params.toString(); });
  }

  /* ---- Header search (Material's search box, our engine) ---- */
  var HEADER_RESULTS = 8;

  function bindHeader() {
    var form = document.forms.namedItem("archive-search");
    if (!form) return;
    var input = form.elements.query, box = form.closest(".md-search");
    var info = box.querySelector(".md-search-result__meta"), list = box.querySelector(".md-search-result__list");
    var toggle = document.getElementById("__search"), generation = 0;
    function run() {
      var mine = ++generation, raw = input.value;
      if (!raw.trim()) { info.textContent = "输入文号、标题或正文中的词句"; list.innerHTML = ""; return; }
      function show(outcome) {
        if (mine !== generation) return;
        var top = outcome.results.slice(0, HEADER_RESULTS);
        info.innerHTML = summary(outcome, top.length);
        list.innerHTML = "";
        var shown = renderItems(top, list);
        if (outcome.results.length && outcome.complete) {
          searchPageUrl(raw).then(function (url) {
            if (mine !== generation) return;
            var more = document.createElement("li");
            more.className = "md-search-result__item archive-search__more";
            more.innerHTML = '<a class="md-search-result__link" href="' + escapeHtml(url) + '">全部结果，按地区、年份、文种、时效性筛选 →</a>';
            list.appendChild(more);
          });
        }
        return shown;
      }
      search(raw, null, show).then(show, function (error) { info.textContent = error.message; });
    }
    /* A query runs as soon as it is typed (no pause before the first results); while typing goes
       on, at most once per PAUSE ms and always for the last value. Pinyin still being composed in
       an input method is not a query yet. */
    var PAUSE = 80, timer = 0, lastRun = -Infinity, lastValue = null;
    function runNow() { lastRun = performance.now(); lastValue = input.value; run(); }
    function typed(event) {
      if (event.isComposing || input.value === lastValue) return;
      clearTimeout(timer);
      var wait = lastRun + PAUSE - performance.now();
      if (wait <= 0) runNow(); else timer = setTimeout(runNow, wait);
    }
    input.addEventListener("input", typed);
    input.addEventListener("compositionend", typed);
    input.addEventListener("focus", function () { if (toggle) toggle.checked = true; meta(); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      searchPageUrl(input.value).then(function (url) { location.href = url; });
    });
    form.addEventListener("reset", function () { setTimeout(runNow, 0); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { if (toggle) toggle.checked = false; input.blur(); }
    });
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
    document.addEventListener("keydown", function (event) {
      var target = event.target, typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        input.focus();
      }
    });
    lastValue = input.value;
    run();
  }

  /* ---- Search page: all results, narrowed by region / year / type ---- */
  var PAGE_SIZE = 20;
  var FACET_LABELS = { region: "地区", year: "年份", doc_type: "文种", status: "时效性" };

  function bindPage() {
    var page = document.getElementById("archive-search-page");
    if (!page) return;
    var params = new URLSearchParams(location.search), filters = {};
    FACETS.forEach(function (name) { filters[name] = params.get(name) || ""; });
    page.innerHTML =
      '<form class="archive-search__form" role="search">' +
      '<input type="search" name="q" class="archive-search__input" placeholder="文号、标题、发文机关、地区或正文词句" aria-label="搜索" autocomplete="off">' +
      FACETS.map(function (name) {
        return '<select name="' + name + '" aria-label="' + FACET_LABELS[name] + '"><option value="">全部' + FACET_LABELS[name] + "</option></select>";
      }).join("") +
      '<label class="archive-search__in-force"><input type="checkbox" name="in_force"> 仅看现行有效</label>' +
      '<button type="submit" class="md-button md-button--primary">搜索</button></form>' +
      '<div class="md-search-result"><div class="md-search-result__meta"></div>' +
      '<ol class="md-search-result__list"></ol></div>' +
      '<button type="button" class="md-button archive-search__next" hidden>更多结果</button>';
    var form = page.querySelector("form"), input = form.elements.q, inForce = form.elements.in_force;
    var info = page.querySelector(".md-search-result__meta"), list = page.querySelector("ol");
    var next = page.querySelector(".archive-search__next"), outcome = null, shown = 0, generation = 0;
    input.value = params.get("q") || "";
    function more() {
      var batch = outcome.results.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      var rendered = renderItems(batch, list);
      info.innerHTML = summary(outcome, shown);
      next.hidden = shown >= outcome.results.length;
      return rendered;
    }
    function run() {
      FACETS.forEach(function (name) { filters[name] = form.elements[name].value; });
      inForce.checked = filters.status === IN_FORCE;
      remember(input.value, filters);
      list.innerHTML = ""; shown = 0; next.hidden = true;
      if (!input.value.trim()) { info.textContent = "输入文号、标题或正文中的词句"; return; }
      var mine = ++generation;
      function show(found) {
        return meta().then(function (m) {
          if (mine !== generation) return;
          outcome = found;
          list.innerHTML = ""; shown = 0;
          FACETS.forEach(function (name) {
            fillFacet(form.elements[name], found.facets[name], filters[name], (m.facet_order || m.facets)[name]);
          });
          return more();
        });
      }
      search(input.value, filters, show).then(show).catch(function (error) { info.textContent = error.message; });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    FACETS.forEach(function (name) {
      fillFacet(form.elements[name], {}, filters[name], []);
      form.elements[name].addEventListener("change", run);
    });
    /* "仅看现行有效" is a shortcut for the validity filter, kept in step with it. */
    inForce.addEventListener("change", function () {
      form.elements.status.value = inForce.checked ? IN_FORCE : "";
      if (inForce.checked && form.elements.status.value !== IN_FORCE) fillFacet(form.elements.status, {}, IN_FORCE, []);
      run();
    });
    next.addEventListener("click", more);
    run();
  }

  /* Options in the index's order (sorted; validity in its vocabulary's order), with result counts. */
  function fillFacet(select, counts, current, order) {
    var values = order.filter(function (value) { return counts[value]; });
    if (current && values.indexOf(current) < 0) values.push(current);
    select.length = 1;
    values.forEach(function (value) {
      var option = new Option(value + (counts[value] ? "（" + counts[value] + "）" : ""), value);
      select.add(option);
    });
    select.value = current || "";
  }

  /* Keep the query in the address bar so results can be shared (not on file://, where it may throw). */
  function remember(query, filters) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    FACETS.forEach(function (name) { if (filters[name]) params.set(name, filters[name]); });
    try { history.replaceState(null, "", "?" + params.toString()); } catch (error) { /* file:// in some browsers */ }
  }

  function start() { bindHeader(); bindPage(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
