"""The only MkDocs-specific code: hooks and template overrides.

Moving to another site engine means replacing this package; the converter
and the generated Markdown stay as they are.
"""
