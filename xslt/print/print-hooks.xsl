<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print rendering of the shared text (xslt/common/text.xsl, mode tt:text):
  common decides WHAT is printed (brackets, labels, note numbers, kinds);
  these hook overrides decide HOW it looks in print HTML for WeasyPrint.

  Numbered notes become CSS footnotes (float: footnote) at their call, so
  each note's text lands at the foot of the page that carries its marker:
  authorial notes are called with the marker the source printed (X), *)),
  translator's notes with their number in the document.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tp="http://tei-tool/ns/print"
    xmlns:tt="http://tei-tool/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!--* Inline features: a span classed by kind (CSS sets stamps, classification, typist apart). -->
  <xsl:template name="tt:inline">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="el" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <span class="{$kind}">
      <xsl:for-each select="$el/@xml:lang"><xsl:attribute name="lang" select="."/></xsl:for-each>
      <xsl:sequence select="$content"/>
    </span>
  </xsl:template>

  <!--* Printed-back brackets and labels; the editors' ones get their own style. -->
  <xsl:template name="tt:bracket">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="el" as="element()"/>
    <xsl:if test="$text != ''">
      <span class="br {tt:resp($el)}"><xsl:value-of select="$text"/></span>
    </xsl:if>
  </xsl:template>

  <!--* Blocks: HTML element and class per kind. -->
  <xsl:template name="tt:block">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="el" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="name" select="map {
        'head': 'h2', 'p': 'p', 'dateline': 'p', 'signed': 'p', 'ab': 'p', 'footnote': 'p',
        'list': 'ul', 'item': 'li', 'list-head': 'li' }($kind)"/>
    <xsl:element name="{($name, 'div')[1]}">
      <xsl:attribute name="class" select="$kind"/>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <!--* Names; a person named in the text carries the anchor the index points at. -->
  <xsl:template name="tt:name">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="reg-id" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <span class="{local-name($el)}">
      <xsl:if test="$el/self::persName[ancestor::text]">
        <xsl:attribute name="id" select="tp:name-anchor($el)"/>
      </xsl:if>
      <xsl:sequence select="$content"/>
    </span>
  </xsl:template>

  <!--* A note's call: the note itself, floated to the foot of the page. -->
  <xsl:template name="tt:note-call">
    <xsl:param name="note" as="element(note)"/>
    <xsl:param name="number" as="xs:integer"/>
    <xsl:param name="marker" as="xs:string"/>
    <span class="fn {tt:kind($note)}" data-call="{($marker[. != ''], $number)[1]}">
      <xsl:call-template name="tt:note-body">
        <xsl:with-param name="note" select="$note"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template name="tt:line-break">
    <xsl:param name="el" as="element()"/>
    <br/>
  </xsl:template>

</xsl:stylesheet>
