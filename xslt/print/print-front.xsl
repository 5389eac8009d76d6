<?xml version="1.0" encoding="UTF-8"?>
<!--
  Front matter of the volume: title page, editorial principles, the list of
  sigla (how each intervention is printed) and the table of contents.
  TOC page numbers are CSS target-counter()s on links to each document's
  anchor, so they are always the pages where the documents really start.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tp="http://tei-tool/ns/print"
    xmlns:tt="http://tei-tool/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!--* Title page, principles, sigla and contents, in that order. -->
  <xsl:template name="tp:front">
    <xsl:param name="docs" as="element(TEI)*"/>
    <section class="titlepage">
      <p class="series">tei-tool edition</p>
      <h1 class="volume-title"><xsl:value-of select="$volume-title"/></h1>
      <p class="subtitle"><xsl:value-of select="tp:subject($docs)"/></p>
      <p class="credits">Translations: <xsl:value-of select="tp:authors($docs)"/></p>
    </section>
    <section class="principles" id="principles">
      <h1>Editorial principles</h1>
      <p>Each document is printed from its TEI P5 encoding. The text keeps the order, spelling
        and characters of the published translation; nothing is silently corrected. Web-page
        furniture of the source pages was removed and nothing else.</p>
      <xsl:for-each select="distinct-values(
          $docs/teiHeader/encodingDesc/editorialDecl/interpretation/p ! normalize-space())">
        <p><xsl:value-of select="."/></p>
      </xsl:for-each>
      <p>Notes printed by the source (authorial footnotes) keep their printed markers
        (such as x) or *)); a translator's note is called by its number among the notes of its
        document. Both stand at the foot of the page that refers to them. Persons are listed in the index with the name
        of the edition's register and the pages where they are named.</p>
      <h2>Sigla and brackets</h2>
      <table class="sigla">
        <tbody>
          <xsl:variable name="present" select="$docs ! tt:kinds-in(text)"/>
          <xsl:for-each select="($tt:legend-kinds, 'editor')[. = $present]">
            <xsl:variable name="kind" select="."/>
            <xsl:variable name="sample" select="tp:siglum($docs, $kind)"/>
            <xsl:if test="$sample">
              <tr><td class="sample"><xsl:value-of select="$sample"/></td>
                <td><xsl:value-of select="tt:kind-label($kind)"/></td></tr>
            </xsl:if>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
    <nav class="toc" id="contents">
      <h1>Contents</h1>
      <ol>
        <xsl:for-each select="$docs">
          <li>
            <span class="toc-num"><xsl:value-of select="tp:number(.)"/>.</span>
            <a class="toc-title" href="#{tp:doc-anchor(.)}"><xsl:value-of select="tt:title(.)"/></a>
            <span class="toc-date"><xsl:value-of select="tt:date-text(.)"/><a class="toc-page"
                href="#{tp:doc-anchor(.)}"/></span>
          </li>
        </xsl:for-each>
        <li class="toc-back"><span class="toc-date">Index of persons<a class="toc-page" href="#index"/></span></li>
        <li class="toc-back"><span class="toc-date">List of sources<a class="toc-page" href="#sources"/></span></li>
      </ol>
    </nav>
  </xsl:template>

  <!--* How a kind of intervention is printed, from its first occurrence in the
        volume: brackets and label from xslt/common around a placeholder. -->
  <xsl:function name="tp:siglum" as="xs:string?">
    <xsl:param name="docs" as="element(TEI)*"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="el" select="if ($kind = 'editor')
        then ($docs/text//*[@resp = '#editor'][exists(tt:brackets(.))])[1]
        else ($docs/text//*[tt:kind(.) = $kind])[1]"/>
    <xsl:variable name="b" select="$el ! tt:brackets(.)"/>
    <xsl:sequence select="
        if ($kind = 'sic') then 'word [sic]'
        else if ($kind = 'footnote') then 'x), *), 1'
        else if (tt:is-numbered-note($el)) then '1 ' || $b[1] || tt:label($el) || 'text' || $b[2]
        else if (exists($b)) then $b[1] || tt:label($el) || (tt:fixed-text($el)[. != ''], 'text')[1] || $b[2]
        else ()"/>
  </xsl:function>

</xsl:stylesheet>
