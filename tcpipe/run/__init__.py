"""Running the pipeline over many files: inputs, cache, versions, isolated workers
(local or Dask), batch assembly."""
