"""Publishing stage: TEI → HTML site (html.py) and print edition, through XSLT 3.0 (xslt.py)."""
