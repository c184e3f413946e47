"""Stage 5, render: Documents with their PageContext → Markdown pages with front matter in docs/,
written only when changed; ``convert`` strings the stages together, ``incremental`` reuses work, and
``summaries`` keeps what the catalogue needs of every source between builds, so a rebuild reads only
what changed."""
