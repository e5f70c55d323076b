"""Benchmark: the pipeline against raw pdfium/pdfplumber/camelot baselines (not shipped)."""
