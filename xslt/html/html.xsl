<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition driver: one call renders one page of the static site.

  Why one stylesheet with a $page switch: tei-tool compiles it once per run
  and calls it for every page, so all pages share the same sorted document
  list, register lookups and page skeleton. The meaning of the markup comes
  from ../common (imported, so the hooks below override its defaults).

  Input: no context item; everything comes in $edition, a tt:edition element
  built by toolchain/publish/html.py:
    <tt:edition title="…"><tt:doc stem="…" pdf="yes|no">TEI</tt:doc>… <tt:register>TEI</tt:register></tt:edition>
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

  <!--* The whole edition (documents + register), see the header comment. -->
  <xsl:param name="edition" as="document-node()" required="yes"/>
  <!--* Which page to render: 'index', 'about', 'register' or 'document'. -->
  <xsl:param name="page" as="xs:string" select="'index'"/>
  <!--* For page='document': the stem (file name without .xml) of the document. -->
  <xsl:param name="stem" as="xs:string" select="''"/>

  <!--* The documents in edition order: by document date, then by file stem.
        Pre-sorted so the index table reads chronologically without JavaScript. -->
  <xsl:variable name="h:docs" as="element(tt:doc)*">
    <xsl:perform-sort select="$edition/tt:edition/tt:doc">
      <xsl:sort select="tt:date-key(tt:date-el(TEI))"/>
      <xsl:sort select="@stem"/>
    </xsl:perform-sort>
  </xsl:variable>

  <!--* The register TEI (may be absent: names then render unlinked). -->
  <xsl:variable name="h:register" as="element()?" select="$edition/tt:edition/tt:register/TEI"/>

  <!--* Title of the edition (landing page, page titles, citations). -->
  <xsl:variable name="h:edition-title" as="xs:string"
                select="string($edition/tt:edition/@title)"/>

  <xsl:template name="xsl:initial-template">
    <xsl:choose>
      <xsl:when test="$page = 'index'"><xsl:call-template name="h:index-page"/></xsl:when>
      <xsl:when test="$page = 'about'"><xsl:call-template name="h:about-page"/></xsl:when>
      <xsl:when test="$page = 'register'"><xsl:call-template name="h:register-page"/></xsl:when>
      <xsl:when test="$page = 'document' and $h:docs[@stem = $stem]">
        <xsl:apply-templates select="$h:docs[@stem = $stem]" mode="h:document"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes" select="'unknown page: ' || $page || ' ' || $stem"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
