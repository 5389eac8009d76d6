<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry point of the shared semantics: import THIS file from an output driver
  (xslt/html/html.xsl, xslt/print/print.xsl) and override the hooks of text.xsl.

  Namespace tt = http://tei-tool/ns. Interface (add to it, never change it):
    functions.xsl  tt:kind tt:resp tt:brackets tt:label tt:fixed-text tt:kind-label
                   tt:kinds-in $tt:legend-kinds tt:sic-needs-marker
                   tt:is-numbered-note tt:numbered-notes tt:note-number tt:note-call
                   tt:called-note tt:note-marker tt:note-anchor tt:call-anchor
                   tt:reg-id tt:reg-entry tt:reg-name tt:reg-kind
                   tt:date-iso tt:date-key tt:lang
    header.xsl     tt:doc-id tt:title tt:date-el tt:date-text tt:archive tt:archive-ref-of
                   tt:archive-refs tt:source-citation tt:record-id tt:source-uri
                   tt:translator tt:credits tt:funders tt:rights tt:doc-type tt:subjects
                   tt:classification tt:summary tt:publisher tt:source-publisher tt:citation
    text.xsl       mode tt:text (the printed text), named template tt:note-body,
                   hooks tt:inline tt:bracket tt:block tt:name tt:note-call tt:line-break
  Without overrides, apply-templates in mode tt:text gives the plain text.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="functions.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="text.xsl"/>
</xsl:stylesheet>
