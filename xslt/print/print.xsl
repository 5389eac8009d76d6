<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition driver: a teiCorpus (the documents in volume order, then the
  register as a TEI with xml:id="register") becomes one HTML file laid out
  with CSS Paged Media (print.css) for WeasyPrint.

  Why a corpus: one input tree lets the front matter (TOC), the documents and
  the back matter (index, sources) be generated in one pass, with the page
  numbers filled in by CSS target-counter() or by the page map of a first
  rendering (param pages, see print-back.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tp="http://tei-tool/ns/print"
    xmlns:tt="http://tei-tool/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="print-functions.xsl"/>
  <xsl:include href="print-front.xsl"/>
  <xsl:include href="print-document.xsl"/>
  <xsl:include href="print-hooks.xsl"/>
  <xsl:include href="print-back.xsl"/>

  <xsl:output method="xhtml" html-version="5" encoding="UTF-8" indent="no"
              omit-xml-declaration="yes"/>

  <!--* "volume": title page, front matter, TOC, documents, index, sources.
        "document": one document with its source description (per-document PDF). -->
  <xsl:param name="layout" as="xs:string" select="'volume'"/>
  <!--* Title of the volume (title page, PDF metadata). -->
  <xsl:param name="volume-title" as="xs:string"
             select="'Translated Cold War Records: A Critical Edition'"/>

  <xsl:template match="/teiCorpus">
    <xsl:variable name="docs" select="TEI[not(@xml:id = 'register')]"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <title>
          <xsl:value-of select="if ($layout = 'volume') then $volume-title
                                else tt:title($docs[1])"/>
        </title>
        <meta name="author" content="{tp:authors($docs)}"/>
        <meta name="description" content="{tp:subject($docs)}"/>
        <meta name="keywords" content="{string-join(distinct-values(
              $docs//textClass/keywords/term ! normalize-space()), ', ')}"/>
        <meta name="generator" content="tei-tool print edition"/>
        <link rel="stylesheet" href="print.css"/>
      </head>
      <body class="{$layout}">
        <xsl:choose>
          <xsl:when test="$layout = 'volume'">
            <xsl:call-template name="tp:front">
              <xsl:with-param name="docs" select="$docs"/>
            </xsl:call-template>
            <xsl:apply-templates select="$docs" mode="tp:document"/>
            <xsl:call-template name="tp:person-index">
              <xsl:with-param name="docs" select="$docs"/>
            </xsl:call-template>
            <xsl:call-template name="tp:sources">
              <xsl:with-param name="docs" select="$docs"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="$docs" mode="tp:document"/>
            <xsl:call-template name="tp:sources">
              <xsl:with-param name="docs" select="$docs"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
