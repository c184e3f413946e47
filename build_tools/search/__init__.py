"""Stage 7: Chinese full-text search (index building and evaluation).

Search is exact-substring matching on normalised text, so it cannot miss a
string that is on the page (no dependence on word segmentation). The index
is a positional index of character bigrams, split into shards written as
``.js`` files that the browser loads with ``<script>`` tags (works from
``file://`` and over HTTP); a query loads only the shards of its bigrams.

Modules: ``normalise`` (the text form both sides agree on), ``extract``
(page HTML → sections), ``postings`` (compact number encoding),
``index`` (build), ``state`` (the index kept between builds), ``shards``
(write/read files), ``documents`` (the per-document files), ``payload``
(one file, compressed where that pays). The browser side lives in
``assets/``; the evaluation in ``benchmarks``. Nothing here knows about MkDocs.
"""
