<?xml version="1.0" encoding="UTF-8"?>
<!--
  Back matter: the index of persons and the list of sources.

  Index page numbers come from a first rendering of the same HTML: WeasyPrint
  reports on which page each name anchor landed (param pages), and this pass
  prints each page once per person. Without that map (the first pass) every
  anchor gets a CSS target-counter(), which is enough to lay out the pages that
  precede the index identically in both passes.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tp="http://tei-tool/ns/print"
    xmlns:tt="http://tei-tool/ns"
    xmlns="http://www.w3.org/1999/xhtml"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!--* Page map of the first rendering: <pages><a id="pn-1-3" page="7"/>…</pages>, or empty. -->
  <xsl:param name="pages" as="document-node()?" select="()"/>
  <xsl:key name="tp:page" match="Q{}a" use="@id"/>

  <!--* Index of persons: register main name, pages where the person is named. -->
  <xsl:template name="tp:person-index">
    <xsl:param name="docs" as="element(TEI)*"/>
    <section class="index" id="index">
      <h1>Index of persons</h1>
      <ul class="index-list">
        <xsl:for-each-group select="$docs/text//persName"
            group-by="if (tp:entry(@ref)) then string(@ref) else normalize-space(.)">
          <xsl:sort select="lower-case(tp:sort-key(current-group()[1]))"/>
          <li>
            <span class="index-name"><xsl:value-of select="tp:main-name(current-group()[1])"/></span>
            <xsl:text> </xsl:text>
            <span class="index-pages"><xsl:call-template name="tp:index-pages"/></span>
          </li>
        </xsl:for-each-group>
      </ul>
    </section>
  </xsl:template>

  <!--* Sort by family name: the register id starts with it; else the last printed word. -->
  <xsl:function name="tp:sort-key" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="e" select="tp:entry($name/@ref)"/>
    <xsl:sequence select="if ($e) then replace($e/@xml:id, '^p-', '')
        else (tokenize(normalize-space($name), ' ')[last()], '')[1]"/>
  </xsl:function>

  <!--* The pages of the current group, each once, linked to its first mention there. -->
  <xsl:template name="tp:index-pages">
    <xsl:variable name="anchors" select="current-group() ! tp:name-anchor(.)"/>
    <xsl:choose>
      <xsl:when test="exists($pages)">
        <xsl:for-each-group select="$anchors" group-by="key('tp:page', ., $pages)/@page">
          <xsl:sort select="xs:integer(current-grouping-key())"/>
          <xsl:if test="position() gt 1">, </xsl:if>
          <a class="page" href="#{current-group()[1]}"><xsl:value-of select="current-grouping-key()"/></a>
        </xsl:for-each-group>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$anchors"><a class="pn" href="#{.}"/></xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--* List of sources: archive reference, published citation and record of every document. -->
  <xsl:template name="tp:sources">
    <xsl:param name="docs" as="element(TEI)*"/>
    <section class="sources" id="sources">
      <h1><xsl:value-of select="if ($layout = 'volume') then 'List of sources' else 'Source'"/></h1>
      <ol class="source-list">
        <xsl:for-each select="$docs">
          <li>
            <p class="source-title"><xsl:value-of select="tp:number(.)"/>. <xsl:value-of
                select="tt:title(.)"/> (<xsl:value-of select="tt:date-text(.)"/>)</p>
            <xsl:for-each select="tt:archive-refs(.)">
              <p class="source-archive">Archive: <xsl:value-of select="."/></p>
            </xsl:for-each>
            <xsl:for-each select="tt:source-citation(.)[. != '']">
              <p class="source-citation">Published citation: <xsl:value-of select="."/></p>
            </xsl:for-each>
            <p class="source-record"><xsl:value-of select="string-join((tt:source-publisher(.),
                tt:record-id(.)[. != ''] ! ('record ' || .), tt:source-uri(.)[. != '']), ', ')"/></p>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

</xsl:stylesheet>
