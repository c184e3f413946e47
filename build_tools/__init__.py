"""Build tools for the Chinese public-policy document archive.

The pipeline stages, one module each, pass plain dataclasses (``model``):

    reader → structure → metadata → render → catalogue/browse → search → bundle

Only ``mkdocs_glue`` knows about MkDocs; everything else writes plain
Markdown with YAML front matter into ``docs/``.
"""

CONVERTER_VERSION = "1"
