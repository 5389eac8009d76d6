"""tei-tool: TEI P5 critical editions of translated archival records.

The flow is one-way: readers (source text -> model) -> writers (model -> TEI)
-> validate (TEI -> diagnostics) -> publish (TEI -> HTML, PDF, JSON).
"""

__version__ = "0.1.0"
