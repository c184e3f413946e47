"""Stage 3, metadata: a ParsedDocument's header strings and body → front matter (a dict per part),
validated against the schema, completed across parts and by the editor's sidecar."""
