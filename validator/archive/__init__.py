"""Whole archives: ``validate archive`` checks millions of articles and fact sheets on a Dask cluster.

    validate archive fixtures/ corpus.jsonl 's3://bucket/stories/*.txt' -o out/

The parts, one module each: :mod:`.items` (what to check: files, folders,
patterns, listings, URLs and JSON Lines corpora, gathered by the client),
:mod:`.corpus` (a corpus read in blocks of lines, on the workers),
:mod:`.work` (one task: read, check with the same code as ``validate``,
write the rows), :mod:`.table` (the Parquet tables: rows, parts, resuming,
the summary), :mod:`.driver` (the cluster, the tasks, retries, progress) and
:mod:`.cli` (the command). Dask, pyarrow and fsspec are the ``dask`` extra
(``pip install 'news-validator[dask]'``), imported only by this package.
"""
