"""Stage 8, bundle: the built offline site → one reproducible zip that works from file://."""
