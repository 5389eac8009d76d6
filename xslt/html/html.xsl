<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition driver: one call renders one page of the static site.

  Why one stylesheet with a $page switch: tei-tool compiles it once per run
  and calls it for every page of an input parsed once, so all pages share the
  same sorted document list, register lookups and page skeleton. The meaning
  of the markup comes from ../common (imported, so the hooks below override
  its defaults).

  Input: no context item; everything comes in $edition, a tt:edition element
  built by toolchain/publish/site.py (a run of documents, or summaries):
    <tt:edition title="…"><tt:doc stem="…" pdf="yes|no">TEI</tt:doc>… <tt:register>TEI</tt:register></tt:edition>
  The index, about and register pages read each document only through its
  summary (h:summary, html-site.xsl); an edition may give those summaries
  instead of the documents (<tt:summary …/> in place of <tt:doc>), so the site
  pages of a large edition need not hold every document.

  Output: the page. The named template "summaries" returns instead the
  serialised summaries of the documents $stems, which the build keeps.
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

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!--* The whole edition (documents or summaries + register), see the header comment. -->
  <xsl:param name="edition" as="document-node()" required="yes"/>
  <!--* Which page to render: 'index', 'about', 'register', 'document' or 'entry'. -->
  <xsl:param name="page" as="xs:string" select="'index'"/>
  <!--* For page='document': the stem (file name without .xml) of the document;
        for page='entry': the register id of the entry. -->
  <xsl:param name="stem" as="xs:string" select="''"/>
  <!--* For the template "summaries": the stems of the documents to summarise. -->
  <xsl:param name="stems" as="array(xs:string)" select="[]"/>

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

  <!--* The publisher the footer of a site page names: that of the edition's first
        document (given by the build when it makes pages from part of the edition). -->
  <xsl:variable name="h:site-publisher" as="xs:string"
                select="string(($edition/tt:edition/@publisher, $h:summaries[1]/@publisher)[1])"/>

  <!--* Title of the edition (landing page, page titles, citations). -->
  <xsl:variable name="h:edition-title" as="xs:string"
                select="string($edition/tt:edition/@title)"/>

  <xsl:template name="xsl:initial-template">
    <xsl:choose>
      <xsl:when test="$page = 'index'"><xsl:call-template name="h:index-page"/></xsl:when>
      <xsl:when test="$page = 'about'"><xsl:call-template name="h:about-page"/></xsl:when>
      <xsl:when test="$page = 'register'"><xsl:call-template name="h:register-page"/></xsl:when>
      <xsl:when test="$page = 'entry' and $h:entries[@xml:id = $stem]">
        <xsl:call-template name="h:entry-page"><xsl:with-param name="id" select="$stem"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$page = 'document' and key('h:doc', $stem, $edition)">
        <xsl:apply-templates select="key('h:doc', $stem, $edition)" mode="h:document"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes" select="'unknown page: ' || $page || ' ' || $stem"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--* The summaries (h:summary) of the documents $stems, each serialised as XML. -->
  <xsl:template name="summaries" as="xs:string*">
    <xsl:for-each select="$stems?*">
      <xsl:sequence select="serialize(h:summary(key('h:doc', ., $edition)),
                                      map {'method': 'xml', 'omit-xml-declaration': true()})"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
