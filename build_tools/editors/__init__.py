"""Editors' tools beside the pipeline: check (the pull-request gate), new (sidecar scaffold), import."""
