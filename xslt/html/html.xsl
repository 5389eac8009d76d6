<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition driver: one call renders any number of pages of the static site.

  Why one stylesheet with a $pages list: tei-tool compiles it once per run and
  calls it with many pages at a time, so the pages share one parse of the input,
  the sorted document list, the register look-ups and the page skeleton. The
  meaning of the markup comes from ../common (imported, so the hooks below
  override its defaults).

  Input: no context item; everything comes in $edition, a tt:edition element
  built by toolchain/publish/html.py (or, for the build, toolchain/build/site.py):
    <tt:edition title="…"><tt:doc stem="…" pdf="yes|no">TEI</tt:doc>… <tt:register>TEI</tt:register></tt:edition>
  The index, about and register pages read each document only through its
  summary (h:summary, html-site.xsl); an edition may give those summaries
  instead of the documents (<tt:summary …/> in place of <tt:doc>), so the site
  pages of a large edition need not hold every document.

  Output: one string per name in $pages, the serialised HTML page, then one
  per stem in $summaries, the serialised summary.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="http://tei-tool/ns"
    xmlns:h="http://tei-tool/ns/html"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="html-page.xsl"/>
  <xsl:include href="html-text.xsl"/>
  <xsl:include href="html-document.xsl"/>
  <xsl:include href="html-register.xsl"/>
  <xsl:include href="html-site.xsl"/>

  <!--* How every page is written (the result of a call is a sequence of pages,
        so serialisation is explicit: html5, UTF-8, no indentation). -->
  <xsl:variable name="h:serialization" as="map(*)" select="map {
      'method': 'html', 'html-version': 5.0, 'encoding': 'UTF-8', 'indent': false(),
      'include-content-type': false()}"/>

  <!--* The whole edition (documents or summaries + register), see the header comment. -->
  <xsl:param name="edition" as="document-node()" required="yes"/>
  <!--* The pages to render, in the order of the result: 'index', 'about',
        'register' or the stem (file name without .xml) of a document. -->
  <xsl:param name="pages" as="array(xs:string)" required="yes"/>
  <!--* Stems of documents whose summary (serialised XML) follows the pages in
        the result: the build keeps them to make the site pages later. -->
  <xsl:param name="summaries" as="array(xs:string)" select="[]"/>

  <!--* The documents in edition order: by document date, then by file stem.
        Pre-sorted so the index table reads chronologically without JavaScript. -->
  <xsl:variable name="h:docs" as="element(tt:doc)*">
    <xsl:perform-sort select="$edition/tt:edition/tt:doc">
      <xsl:sort select="tt:date-key(tt:date-el(TEI))"/>
      <xsl:sort select="@stem"/>
    </xsl:perform-sort>
  </xsl:variable>

  <!--* A document of the edition by its stem. -->
  <xsl:key name="h:doc" match="tt:doc" use="string(@stem)"/>

  <!--* The summary (h:summary) of every document, in the order the edition
        gives them: given as such, or made from the document. -->
  <xsl:variable name="h:given" as="element(tt:summary)*"
                select="$edition/tt:edition/(tt:summary | tt:doc)
                        ! (if (self::tt:doc) then h:summary(.) else .)"/>

  <!--* The summaries in edition order (as $h:docs). -->
  <xsl:variable name="h:summaries" as="element(tt:summary)*">
    <xsl:perform-sort select="$h:given">
      <xsl:sort select="string(@date-key)"/>
      <xsl:sort select="string(@stem)"/>
    </xsl:perform-sort>
  </xsl:variable>

  <!--* The register TEI (may be absent: names then render unlinked). -->
  <xsl:variable name="h:register" as="element()?" select="$edition/tt:edition/tt:register/TEI"/>

  <!--* Title of the edition (landing page, page titles, citations). -->
  <xsl:variable name="h:edition-title" as="xs:string"
                select="string($edition/tt:edition/@title)"/>

  <xsl:template name="xsl:initial-template">
    <xsl:for-each select="$pages?*">
      <xsl:variable name="name" select="."/>
      <xsl:variable name="page">
        <xsl:choose>
          <xsl:when test="$name = 'index'"><xsl:call-template name="h:index-page"/></xsl:when>
          <xsl:when test="$name = 'about'"><xsl:call-template name="h:about-page"/></xsl:when>
          <xsl:when test="$name = 'register'"><xsl:call-template name="h:register-page"/></xsl:when>
          <xsl:when test="key('h:doc', $name, $edition)">
            <xsl:apply-templates select="key('h:doc', $name, $edition)" mode="h:document"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:message terminate="yes" select="'unknown page: ' || $name"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:sequence select="serialize($page, $h:serialization)"/>
    </xsl:for-each>
    <xsl:for-each select="$summaries?*">
      <xsl:sequence select="serialize(h:summary(key('h:doc', ., $edition)),
                                      map {'method': 'xml', 'omit-xml-declaration': true()})"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
