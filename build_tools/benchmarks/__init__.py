"""Measurement beside the pipeline: bench (speed and size beside plain Material), generated and real
corpora (make-corpus, lawrefbook), evaluate (per-field accuracy per source family)."""
