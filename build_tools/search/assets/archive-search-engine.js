/*
 * Archive search engine: exact-substring search over the sharded positional
 * bigram index written by build_tools/search/shards.py (the page side is
 * archive-search-ui.js, loaded after this file).
 *
 * Why not Material's search: it matches jieba segments with prefix
 * wildcards (no verbatim phrases, no document numbers) and needs fetch(),
 * which file:// does not allow. Shards here are .js files loaded with
 * <script> tags, so the same code runs from file:// and over HTTP.
 */
(function () {
  "use strict";

  /* ---- Normalisation: mirror of build_tools/search/normalise.py ---- */
  var OPEN = "〔[【(〖", CLOSE = "〕]】)〗", HARD = "\n\r\u2028\u2029",
      SOFT = " \t\f\v\u00a0\u3000\u2002\u2003\u2009\u200b";

  function fold(ch) {
    var code = ch.codePointAt(0);
    if (code >= 0xFF01 && code <= 0xFF5E) ch = String.fromCodePoint(code - 0xFEE0);
    if (OPEN.indexOf(ch) >= 0) return "(";
    if (CLOSE.indexOf(ch) >= 0) return ")";
    if (HARD.indexOf(ch) >= 0) return "\n";
    if (SOFT.indexOf(ch) >= 0) return " ";
    return ch >= "A" && ch <= "Z" ? ch.toLowerCase() : ch;
  }

  function isWord(ch) { return /^[A-Za-z0-9]$/.test(ch); }

  /* Normalised text, and for each of its UTF-16 units the source UTF-16 index. */
  function normaliseWithMap(text) {
    var out = "", map = [], pendingSpace = -1, pendingBreak = -1, last = "", at = 0;
    for (var raw of String(text || "")) {
      var position = at, ch = fold(raw);
      at += raw.length;
      if (ch === " ") { if (pendingSpace < 0) pendingSpace = position; continue; }
      if (ch === "\n") { if (pendingBreak < 0) pendingBreak = position; pendingSpace = -1; continue; }
      if (pendingBreak >= 0 && out) { out += "\n"; map.push(pendingBreak); }
      else if (pendingSpace >= 0 && out && isWord(last) && isWord(ch)) { out += " "; map.push(pendingSpace); }
      pendingSpace = pendingBreak = -1;
      out += ch; last = ch;
      for (var unit = 0; unit < ch.length; unit++) map.push(position);
    }
    return { text: out, map: map };
  }

  function normalise(text) { return normaliseWithMap(text).text; }

  /* Terms must all occur; the phrase (CJK–digit spaces dropped) ranks first. */
  function parseQuery(raw) {
    var spaced = "";
    for (var ch of String(raw || "")) { var f = fold(ch); spaced += (f === " " || f === "\n") ? " " : ch; }
    var terms = [];
    spaced.split(" ").forEach(function (part) {
      var term = normalise(part);
      if (term && terms.indexOf(term) < 0) terms.push(term);
    });
    return { terms: terms, phrase: normalise(spaced) };
  }

  /* ---- Number lists, shards and shard hashing: mirror of postings.py ---- */
  var ALPHABET = "";
  for (var c = 32; c < 127; c++) if (c !== 34 && c !== 92) ALPHABET += String.fromCharCode(c);
  var END = 65, MORE = ALPHABET.length - END, VALUE = new Int16Array(128);
  for (var i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

  function decodeNumbers(text) {
    var out = [], value = 0;
    for (var k = 0; k < text.length; k++) {
      var digit = VALUE[text.charCodeAt(k)];
      if (digit >= END) value = value * MORE + digit - END;
      else { out.push(value * END + digit); value = 0; }
    }
    return out;
  }

  /* postings.pack_shard undone: key → coded numbers. */
  function unpackShard(data, keyLength) {
    var keys = Array.from(data[0]), postings = data[1], shard = new Map(), at = 0;
    for (var k = 0; k < keys.length; k += keyLength) {
      var length = 0, digit;
      while ((digit = VALUE[postings.charCodeAt(at++)]) >= END) length = length * MORE + digit - END;
      length = length * END + digit;
      shard.set(keys.slice(k, k + keyLength).join(""), postings.substr(at, length));
      at += length;
    }
    return shard;
  }

  function fnv1a(key) {
    var hash = 0x811c9dc5;
    for (var ch of key) { hash ^= ch.codePointAt(0); hash = Math.imul(hash, 0x01000193) >>> 0; }
    return hash >>> 0;
  }

  /* ---- Loading shards with <script> tags (file:// and HTTP alike) ---- */
  var script = document.currentScript;
  var ROOT = script.src.slice(0, script.src.lastIndexOf("assets/archive-search/"));
  var pending = {};

  window.__archiveSearchData = function (name, data) {
    if (pending[name]) pending[name].resolve(typeof data === "string" ? inflate(data) : data);
  };

  /* payload.py: a string is the zlib stream of the data's JSON in base 85 (Python's b85encode). */
  var B85 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~",
      B85_VALUE = new Uint8Array(128);
  for (var d85 = 0; d85 < 85; d85++) B85_VALUE[B85.charCodeAt(d85)] = d85;

  function decode85(text) {
    var rest = text.length % 5, bytes = new Uint8Array(Math.floor(text.length / 5) * 4 + (rest ? rest - 1 : 0)), out = 0;
    for (var at = 0; at < text.length; at += 5) {
      var value = 0;
      for (var k = at; k < at + 5; k++) value = value * 85 + (k < text.length ? B85_VALUE[text.charCodeAt(k)] : 84);
      for (var shift = 16777216; shift >= 1 && out < bytes.length; shift /= 256) bytes[out++] = Math.floor(value / shift) & 255;
    }
    return bytes;
  }

  function inflate(text) {
    if (typeof DecompressionStream === "undefined") return Promise.reject(new Error("此浏览器不支持解压搜索索引，请使用较新的浏览器"));
    var stream = new Blob([decode85(text)]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  }

  function load(name) {
    if (!pending[name]) {
      var entry = pending[name] = {};
      entry.promise = new Promise(function (resolve, reject) { entry.resolve = resolve; entry.reject = reject; });
      var tag = document.createElement("script");
      tag.src = ROOT + "search-index/" + name + ".js";
      tag.async = true;
      tag.onerror = function () { entry.reject(new Error("无法加载搜索索引文件 " + name)); };
      document.head.appendChild(tag);
    }
    return pending[name].promise;
  }

  /* ---- The index: documents, postings, matching ---- */
  var metaPromise = null, decoded = new Map(), shards = new Map(), blocks = new Map();
  var FACETS = ["region", "year", "doc_type", "status"];

  /* Up to this many document blocks (a few kB each) are fetched with meta.js, beside the
     postings rather than after them: a small archive saves a round trip per query. */
  var PREFETCH_BLOCKS = 2;

  /* Base document n ranks n · ORDER + ORDER − 1 among equal scores; overlays give their own
     documents' ranks (build_tools/search/overlay.py, ORDER). */
  var ORDER = 65536;

  /* Postings come in ranges of doc_block documents (build_tools/search/index.py, RANGE), each with
     shards of its own and one document block. After --dirty builds the documents appended since
     the full build are in overlays (build_tools/search/overlay.py): one more range and block each. */
  function meta() {
    if (!metaPromise) metaPromise = load("meta").then(function (data) {
      data.blockFirsts = decodeNumbers(data.doc_blocks);
      data.baseBlocks = data.blockFirsts.length;
      data.ranges = data.bigram_shards.map(function (count, r) {
        return { block: r, b: "b/" + r + "/", u: "u/" + r + "/", bCount: count, uCount: data.unigram_shards[r] };
      });
      data.overlays = data.overlays || [];
      data.overlays.forEach(function (overlay) {
        data.ranges.push({ block: data.blockFirsts.length, b: overlay.path + "b/", u: overlay.path + "u/",
                           bCount: overlay.bigram_shards, uCount: overlay.unigram_shards });
        data.blockFirsts.push(overlay.first_section);
      });
      /* A base range emptied by rebuilds (build_tools/search/retire.py) has no shards and no block. */
      data.ranges = data.ranges.filter(function (range) { return range.bCount > 0; });
      if (data.ranges.length <= PREFETCH_BLOCKS) data.ranges.forEach(function (range) { block(range.block, data); });
      return data;
    });
    return metaPromise;
  }

  /* meta.js is asked for while the page loads, not when the box is first used: a query typed at
     once starts with its shards instead of waiting for meta.js to arrive and for the busy page to
     run it. A failure shows when a search needs it (meta() gives the same rejected promise). */
  load("meta").catch(function () {});

  /* Block k of documents (build_tools/search/documents.py): each one's first section (one per
     metadata field, then its text sections), text section count, dead flag and facet values. The
     values are looked up for the documents a query ranks (docInfo), not made into lists for all
     2,048 documents of the block as it arrives: that held the first ranking back by tens of ms. */
  function block(k, m) {
    if (!blocks.has(k)) {
      var overlay = m.overlays[k - m.baseBlocks], start = overlay ? overlay.first_document : k * m.doc_block;
      blocks.set(k, load(overlay ? overlay.path + "s" : "s/" + k).then(function (data) {
        var codes = decodeInts(data.sections), firsts = new Int32Array(codes.length), running = m.blockFirsts[k], j;
        for (j = 0; j < codes.length; j++) { firsts[j] = running; running += m.fields.length + (codes[j] >> 1); }
        /* Per facet, each document's value count then its values' numbers; ``at``: where each document's values begin. */
        var facets = {};
        FACETS.forEach(function (name) {
          var numbers = decodeInts(data.facets[name]), at = new Int32Array(codes.length), next = 0;
          for (j = 0; j < codes.length; j++) { at[j] = next; next += numbers[next] + 1; }
          facets[name] = { numbers: numbers, at: at };
        });
        /* Where each document falls in URL order (overlay.url_order), which breaks ties in ranking;
           base documents fall in their own order (docInfo). */
        return { start: start, firsts: firsts, codes: codes, facets: facets, order: data.order ? decodeNumbers(data.order) : null };
      }));
    }
    return blocks.get(k);
  }

  /* The overlay holding document n (-1: the base), the overlays in document order. */
  function overlayOf(n, m) {
    var k = m.overlays.length - 1;
    while (k >= 0 && n < m.overlays[k].first_document) k--;
    return k;
  }

  /* The block of document n: base blocks hold doc_block documents each, then one per overlay. */
  function blockOf(n, m) {
    var k = overlayOf(n, m);
    return k < 0 ? Math.floor(n / m.doc_block) : m.baseBlocks + k;
  }

  /* Display row (URL, fields, text sections per t/ file) of document n, loaded with its block. */
  function row(n, m) {
    var overlay = m.overlays[overlayOf(n, m)], at = overlay ? n - overlay.first_document : n;
    return load((overlay ? overlay.path : "") + "d/" + Math.floor(at / m.block)).then(function (rows) {
      var data = rows[at % m.block];
      var doc = { n: n, url: data[0], chunks: decodeNumbers(data[data.length - 1]) };
      m.fields.forEach(function (name, k) { doc[name] = data[k + 1]; });
      return doc;
    });
  }

  function shardEntry(name, key) {
    if (!shards.has(name)) {
      shards.set(name, load(name).then(function (data) { return unpackShard(data, Array.from(key).length); }));
    }
    return shards.get(name).then(function (shard) { return shard.get(key) || ""; });
  }

  /* The coded numbers of one bigram (kind "b") or character ("u") in one range; the first
     Δsection counts from 0. */
  function posting(kind, key, range) {
    return shardEntry(range[kind] + (fnv1a(key) & (range[kind + "Count"] - 1)), key);
  }

  /* bigram → its postings as flat arrays, sections ascending, section i's positions (ascending) at
     positions[starts[i]] … positions[starts[i + 1] − 1]; the coding is explained in index.py
     (SearchIndex.bigrams). A common bigram (法律 in most laws) has thousands of sections: a Map
     entry and a typed array for each made the collector run as long as the decoding. */
  function bigram(key, range) {
    var cacheKey = range.b + key;
    if (!decoded.has(cacheKey)) decoded.set(cacheKey, posting("b", key, range).then(bigramPostings));
    return decoded.get(cacheKey);
  }

  /* decodeNumbers into one typed array. */
  function decodeInts(text) {
    var out = new Int32Array(text.length), count = 0, value = 0;
    for (var k = 0; k < text.length; k++) {
      var digit = VALUE[text.charCodeAt(k)];
      if (digit >= END) value = value * MORE + digit - END;
      else { out[count++] = value * END + digit; value = 0; }
    }
    return out.subarray(0, count);
  }

  function bigramPostings(text) {
    var numbers = decodeInts(text), k = 0, section = 0, size = 0, at = 0;
    /* Each section takes two numbers at least (its Δsection and its first position). */
    var sections = new Int32Array((numbers.length >> 1) + 1), starts = new Int32Array((numbers.length >> 1) + 2),
        positions = new Int32Array(numbers.length);
    while (k < numbers.length) {
      section += numbers[k++];
      var head = numbers[k++], count = head % 2 ? numbers[k++] + 2 : 1, p = head >> 1;
      sections[size] = section;
      starts[size++] = at;
      positions[at++] = p;
      for (var j = 1; j < count; j++) { p += numbers[k++]; positions[at++] = p; }
    }
    starts[size] = at;
    return { size: size, sections: sections, starts: starts, positions: positions };
  }

  /* character → Map(section → one hit of unknown position) */
  function unigram(key, range) {
    var cacheKey = range.u + key;
    if (!decoded.has(cacheKey)) {
      decoded.set(cacheKey, posting("u", key, range).then(function (text) {
        var hits = new Map(), section = 0;
        decodeNumbers(text).forEach(function (delta) { section += delta; hits.set(section, 1); });
        return hits;
      }));
    }
    return decoded.get(cacheKey);
  }

  /* Whether sorted[lo … hi − 1] holds value. */
  function contains(sorted, lo, hi, value) {
    hi--;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] === value) return true;
      if (sorted[mid] < value) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }

  /* Sections containing the text verbatim → occurrence count. Bigrams at
     offsets 0, 2, 4 … and the last one cover every character, so aligned
     positions prove the whole string is there. */
  function occurrences(text, range) {
    var chars = Array.from(text);
    if (chars.length === 1) return unigram(chars[0], range);
    var offsets = [];
    for (var o = 0; o + 1 < chars.length; o += 2) offsets.push(o);
    if (offsets[offsets.length - 1] !== chars.length - 2) offsets.push(chars.length - 2);
    return Promise.all(offsets.map(function (o) { return bigram(chars[o] + chars[o + 1], range); })).then(function (lists) {
      return phraseHits(lists, offsets);
    });
  }

  /* The sections where every bigram of ``lists`` occurs at its offset from one start → how many
     such starts. The lists are walked side by side in section order (each once), and in a section
     every position of the bigram found there least often is tried in the others. */
  function phraseHits(lists, offsets) {
    var found = new Map(), smallest = 0, count = lists.length, at = new Int32Array(count);
    lists.forEach(function (list, k) { if (list.size < lists[smallest].size) smallest = k; });
    var base = lists[smallest];
    for (var i = 0; i < base.size; i++) {
      var section = base.sections[i], anchor = smallest, fewest = base.starts[i + 1] - base.starts[i], k;
      for (k = 0; k < count; k++) {
        var list = lists[k], c = at[k];
        while (c < list.size && list.sections[c] < section) c++;
        at[k] = c;
        if (c === list.size || list.sections[c] !== section) break;
        if (list.starts[c + 1] - list.starts[c] < fewest) { anchor = k; fewest = list.starts[c + 1] - list.starts[c]; }
      }
      if (k < count) continue;
      var hits = 0, own = lists[anchor], first = own.starts[at[anchor]];
      for (var j = first; j < first + fewest; j++) {
        var start = own.positions[j] - offsets[anchor];
        if (start < 0) continue;
        for (k = 0; k < count; k++) {
          var other = lists[k], c2 = at[k];
          if (k !== anchor && !contains(other.positions, other.starts[c2], other.starts[c2 + 1], start + offsets[k])) break;
        }
        if (k === count) hits++;
      }
      if (hits) found.set(section, hits);
    }
    return found;
  }

  function lastAtMost(sorted, value) {
    var lo = 0, hi = sorted.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (sorted[mid] <= value) lo = mid; else hi = mid - 1; }
    return lo;
  }

  /* The document blocks holding these sections, loaded. */
  function blocksOf(hitLists, m) {
    var wanted = new Set();
    hitLists.forEach(function (hits) { hits.forEach(function (unused, section) { wanted.add(lastAtMost(m.blockFirsts, section)); }); });
    return Promise.all(Array.from(wanted, function (k) { return block(k, m); })).then(function (loaded) {
      var byNumber = new Map(), keys = Array.from(wanted);
      loaded.forEach(function (b, j) { byNumber.set(keys[j], b); });
      return byNumber;
    });
  }

  /* What ranking needs of document n (its block is loaded). */
  function docInfo(n, m, loaded) {
    var b = loaded.get(blockOf(n, m)), j = n - b.start, facets = {};
    FACETS.forEach(function (name) {
      var own = b.facets[name], at = own.at[j], values = [];
      for (var left = own.numbers[at]; left > 0; left--) values.push(m.facets[name][own.numbers[++at]]);
      facets[name] = values;
    });
    return { first: b.firsts[j], textSections: b.codes[j] >> 1, dead: b.codes[j] % 2 === 1, facets: facets,
             order: b.order ? b.order[j] : (b.start + j) * ORDER + ORDER - 1 };
  }

  /* section → count, regrouped as doc → Map(section → count) */
  function byDocument(hits, m, loaded) {
    var docs = new Map();
    hits.forEach(function (count, section) {
      var b = loaded.get(lastAtMost(m.blockFirsts, section)), n = b.start + lastAtMost(b.firsts, section);
      if (!docs.has(n)) docs.set(n, new Map());
      docs.get(n).set(section, count);
    });
    return docs;
  }

  /* The ranked results of one range (a document's score depends on its own sections only, so
     the ranges' results merged and sorted are those of the whole index). */
  function searchRange(q, range, m) {
    var single = q.terms.length === 1 && q.terms[0] === q.phrase;
    var wanted = single ? [q.phrase] : q.terms.concat([q.phrase]);
    var number = numberForm(q.terms);
    if (number && number !== q.phrase) wanted.push(number);
    return Promise.all(wanted.map(function (text) { return occurrences(text, range); })).then(function (all) {
      return blocksOf(all, m).then(function (loaded) {
        var perTerm = all.slice(0, q.terms.length).map(function (hits) { return byDocument(hits, m, loaded); });
        var phrase = single ? perTerm[0] : byDocument(all[q.terms.length], m, loaded);  /* one term: the phrase, grouped once */
        var numberHits = !number ? new Map() : number === q.phrase ? phrase : byDocument(all[all.length - 1], m, loaded);
        var rarest = perTerm.reduce(function (a, b) { return b.size < a.size ? b : a; });
        var matched = [];
        rarest.forEach(function (unused, n) {
          var info = docInfo(n, m, loaded);
          if (info.dead) return;
          if (perTerm.every(function (docs) { return docs.has(n); })) matched.push(rank(n, info, m, q, perTerm, phrase, numberHits));
        });
        return matched;
      });
    });
  }

  /* Facet counts and filters are only worked out when ``filters`` is given (the search page).
     The first range is searched first: when it has results, ``partial`` (if given) gets them, and
     the other ranges are loaded once the promise it returns (the results on screen) settles, so
     the bytes before a first result do not grow with the archive; the promise ``search`` returns
     gives the final outcome, merged from every range. */
  function search(raw, filters, partial) {
    var q = parseQuery(raw);
    return meta().then(function (m) {
      if (!q.terms.length || !m.ranges.length) return outcome(q, [], filters, true);
      /* The first range's documents are its block's: fetched beside its shards, not after them. */
      block(m.ranges[0].block, m);
      return searchRange(q, m.ranges[0], m).then(function (first) {
        if (m.ranges.length === 1) return outcome(q, first, filters, true);
        var shown = partial && first.length ? partial(outcome(q, first.slice(), filters, false)) : null;
        return Promise.resolve(shown).catch(function () {}).then(function () {
          return Promise.all(m.ranges.slice(1).map(function (range) { return searchRange(q, range, m); }));
        }).then(function (rest) {
          return outcome(q, first.concat.apply(first, rest), filters, true);
        });
      });
    });
  }

  function outcome(q, matched, filters, complete) {
    matched.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    var results = !filters ? matched : matched.filter(function (r) {
      return FACETS.every(function (name) { return !filters[name] || r.facets[name].indexOf(filters[name]) >= 0; });
    });
    return { query: q, results: results, matched: matched.length, facets: filters ? countFacets(matched) : {}, complete: complete };
  }

  /* A query that spells a document number in parts (楚教复 2023 27, 2023 27号)
     as the number is normalised in the index: 楚教复(2023)27号. */
  function numberForm(terms) {
    var parts = terms.join("").match(/^(.*?)\(?(\d{4})\)?(\d{1,4})号?$/);
    return parts && !/\d$/.test(parts[1]) ? parts[1] + "(" + parts[2] + ")" + parts[3] + "号" : null;
  }

  /* Tiers: the document number is the one spelled; it holds every term; the exact phrase occurs; the
     terms occur apart. Within a tier: title, other metadata, then how often.
     Field k of document n is its section first + k; ``textSection`` counts from its first text section. */
  function rank(n, info, m, q, perTerm, phrase, numberHits) {
    var first = info.first, phraseSections = phrase.get(n);
    function inField(sections, name) { return !!sections && sections.has(first + m.fields.indexOf(name)); }
    function allInField(name) { return perTerm.every(function (docs) { return inField(docs.get(n), name); }); }
    var exact = !!phraseSections, byNumber = allInField("doc_number");
    var score = inField(numberHits.get(n), "doc_number") ? 4e8 : byNumber ? 3e8 : exact ? 2e8 : 1e8;
    if (inField(phraseSections, "title")) score += 4e7;
    else if (allInField("title")) score += 2e7;
    if (["issuer", "region", "doc_type", "year"].some(allInField)) score += 1e7;
    var body = first + m.fields.length, best = bestSection(phraseSections, perTerm, n, body, info.textSections);
    score += Math.min(best.total, 1e6);
    return { n: n, order: info.order, score: score, exact: exact, byNumber: byNumber, textSection: best.section < 0 ? -1 : best.section - body,
             facets: info.facets, terms: q.terms, phrase: q.phrase };
  }

  /* The text section to link to and show: most phrase hits, else most terms, else the top of
     the text. Fields count towards the total but are never shown: the result's heading and
     meta line already show them, the snippet shows the document's own words. */
  function bestSection(phraseSections, perTerm, n, body, bodyCount) {
    var tally = new Map(), total = 0;
    if (phraseSections) {
      phraseSections.forEach(function (count, section) { tally.set(section, count * 1000); total += count * 10; });
    }
    perTerm.forEach(function (docs) {
      var sections = docs.get(n);
      if (sections) sections.forEach(function (count, section) { tally.set(section, (tally.get(section) || 0) + 1); total += count; });
    });
    var best = bodyCount ? body : -1, bestScore = 0;
    tally.forEach(function (value, section) {
      if (section < body) return;
      if (value > bestScore || (value === bestScore && section < best)) { best = section; bestScore = value; }
    });
    return { section: best, total: total };
  }

  /* Result counts per facet value (a document may have several: 云南省、楚雄彝族自治州). */
  function countFacets(results) {
    var facets = {};
    FACETS.forEach(function (name) {
      var counts = {};
      results.forEach(function (r) { r.facets[name].forEach(function (value) { counts[value] = (counts[value] || 0) + 1; }); });
      facets[name] = counts;
    });
    return facets;
  }

  /* Plain ranked document URLs, for the evaluation and the tests. */
  function rankedUrls(raw) {
    return search(raw).then(function (outcome) {
      return meta().then(function (m) {
        return Promise.all(outcome.results.map(function (r) { return row(r.n, m); }));
      }).then(function (docs) { return docs.map(function (doc) { return doc.url; }); });
    });
  }

  window.archiveSearch = {
    root: ROOT, facets: FACETS, search: search, parseQuery: parseQuery, normalise: normalise,
    normaliseWithMap: normaliseWithMap, meta: meta, row: row, load: load, rankedUrls: rankedUrls,
    bigramPostings: bigramPostings, phraseHits: phraseHits,  /* for the tests */
    firstResultAt: null  /* set by the page side when the first answer is on screen */
  };
})();
