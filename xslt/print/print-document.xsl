<?xml version="1.0" encoding="UTF-8"?>
<!--
  One document as a book chapter: a heading block that starts a new page and
  sets the running head and the PDF bookmark, then the text in page order as
  xslt/common prints it (mode tt:text, rendered by print-hooks.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tp="http://tei-tool/ns/print"
    xmlns:tt="http://tei-tool/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!--* A document: number, title, date and archive, then its text. -->
  <xsl:template match="TEI" mode="tp:document">
    <article class="document" id="{tp:doc-anchor(.)}" data-runhead="{tp:runhead(.)}">
      <header class="doc-head">
        <xsl:if test="$layout = 'volume'">
          <p class="doc-num">Document <xsl:value-of select="tp:number(.)"/></p>
        </xsl:if>
        <h1 class="doc-title" data-bookmark="{tp:number(.) || '. ' || tt:date-text(.)}">
          <xsl:value-of select="tt:title(.)"/></h1>
        <p class="doc-date"><xsl:value-of select="tt:date-text(.)"/></p>
        <xsl:for-each select="tt:archive-refs(.)[1]">
          <p class="doc-archive"><xsl:value-of select="."/></p>
        </xsl:for-each>
      </header>
      <!-- The text is rendered from a copy of its own document so that the common
           note numbering (which counts preceding notes) restarts in every document. -->
      <xsl:variable name="own" as="document-node()">
        <xsl:document><xsl:copy-of select="."/></xsl:document>
      </xsl:variable>
      <xsl:apply-templates select="$own/TEI/text/body/node()" mode="tt:text"/>
    </article>
  </xsl:template>

</xsl:stylesheet>
