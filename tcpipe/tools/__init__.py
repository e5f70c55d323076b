"""Analysis tools over a written dataset: query, report, review pages, coverage."""
