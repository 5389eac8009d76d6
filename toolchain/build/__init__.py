"""The incremental, parallel build of the whole edition (``tei-tool build``)."""
