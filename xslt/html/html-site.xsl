<?xml version="1.0" encoding="UTF-8"?>
<!--
  Site pages: the landing page (index.html) with the table of all documents,
  and the editorial principles page (about.html) built from the headers'
  encodingDesc.

  Both pages (and the register page) read the documents only through their
  summaries (h:summary), which the build keeps per document: the site pages of
  a large edition then never hold its documents.

  Why the table is pre-sorted: the edition must work without JavaScript, so
  chronological order is the order of the rows (earliest first), and the
  Date column says so with aria-sort.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="http://tei-tool/ns"
    xmlns:h="http://tei-tool/ns/html"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template name="h:index-page">
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="$h:edition-title"/>
      <xsl:with-param name="current" select="'index'"/>
      <xsl:with-param name="head" select="h:meta('description',
          'A TEI P5 critical edition of ' || count($h:summaries) || ' translated archival records.')"/>
      <xsl:with-param name="content">
        <p class="intro">
          <xsl:value-of select="'A critical edition of ' || count($h:summaries)
              || (if (count($h:summaries) = 1) then ' translated archival record' else ' translated archival records')
              || ', encoded in TEI P5. Every intervention of the translator (supplied words, '
              || '[sic], translator''s notes, omissions, stamps and handwriting) is shown the way the '
              || 'translation printed it and marked by kind; persons, organisations and places link to '
              || 'a common register.'"/>
        </p>
        <xsl:call-template name="h:section">
          <xsl:with-param name="id" select="'principles'"/>
          <xsl:with-param name="heading" select="'Editorial principles'"/>
          <xsl:with-param name="content">
            <p>
              <xsl:text>Square brackets are the translator's; </xsl:text>
              <span class="i-supplied r-editor"><span class="br br-editor">
                <xsl:value-of select="$tt:editor-brackets[1]"/></span>angle brackets<span class="br br-editor">
                <xsl:value-of select="$tt:editor-brackets[2]"/></span></span>
              <xsl:text> mark interventions of this edition. </xsl:text>
              <a href="about.html">Read the editorial principles</a>
              <xsl:text>.</xsl:text>
            </p>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="h:section">
          <xsl:with-param name="id" select="'documents'"/>
          <xsl:with-param name="heading" select="'Documents'"/>
          <xsl:with-param name="content">
            <table class="documents">
              <caption>All documents, earliest first</caption>
              <thead>
                <tr>
                  <th scope="col" aria-sort="ascending">Date</th>
                  <th scope="col">Title</th>
                  <th scope="col">Archive</th>
                  <th scope="col">Type</th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$h:summaries">
                  <tr>
                    <td>
                      <xsl:variable name="key" select="string(@date-key)"/>
                      <xsl:choose>
                        <xsl:when test="$key castable as xs:date">
                          <time datetime="{$key}"><xsl:value-of select="@date-text"/></time>
                        </xsl:when>
                        <xsl:otherwise><xsl:value-of select="@date-text"/></xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td><a href="{h:doc-href(.)}"><xsl:value-of select="@title"/></a></td>
                    <td><xsl:value-of select="@archive"/></td>
                    <td><xsl:value-of select="@type"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--* Editorial principles: each editorialDecl part (normalisation,
        interpretation, …) with the distinct paragraphs of all documents, the
        pointer declarations, and the full legend of interventions. -->
  <xsl:template name="h:about-page">
    <!-- the wordings in the order the edition gives its documents ("!": summaries are separate trees) -->
    <xsl:variable name="decls" select="$h:given ! encodingDesc"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'Editorial principles'"/>
      <xsl:with-param name="current" select="'about'"/>
      <xsl:with-param name="content">
        <p>These principles are recorded in the header of every TEI file of the edition
          (encodingDesc); where documents state them differently, each wording is given.</p>
        <xsl:for-each-group select="$decls ! editorialDecl/*" group-by="local-name()">
          <xsl:call-template name="h:section">
            <xsl:with-param name="id" select="'decl-' || current-grouping-key()"/>
            <xsl:with-param name="heading" select="h:decl-heading(current-grouping-key())"/>
            <xsl:with-param name="content">
              <xsl:for-each-group select="current-group() ! p" group-by="normalize-space()">
                <p><xsl:apply-templates mode="tt:text"/></p>
              </xsl:for-each-group>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each-group>
        <xsl:if test="exists($decls ! listPrefixDef/prefixDef)">
          <xsl:call-template name="h:section">
            <xsl:with-param name="id" select="'decl-pointers'"/>
            <xsl:with-param name="heading" select="'Links to the register'"/>
            <xsl:with-param name="content">
              <xsl:for-each-group select="$decls ! listPrefixDef/prefixDef/p" group-by="normalize-space()">
                <p><xsl:apply-templates mode="tt:text"/></p>
              </xsl:for-each-group>
              <p>In this site those pointers are the links of names to the <a href="register.html">register</a>.</p>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="h:legend">
          <xsl:with-param name="kinds" select="$tt:legend-kinds, 'editor'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--* What the site's pages show of a document: its stem and date key (edition
        order), its row of the index, its source publisher (the footer), its
        encodingDesc (the about page) and the pointers of its names with the
        number of names for each (the register page). xml:lang keeps the
        language the encodingDesc inherits. -->
  <xsl:function name="h:summary" as="element(tt:summary)">
    <xsl:param name="doc" as="element(tt:doc)"/>
    <xsl:variable name="tei" select="$doc/TEI"/>
    <tt:summary stem="{$doc/@stem}" date-key="{tt:date-key(tt:date-el($tei))}"
                date-text="{tt:date-text($tei)}" title="{tt:title($tei)}"
                archive="{(tt:archive-refs($tei)[1], tt:archive($tei))[1]}"
                type="{tt:doc-type($tei)}" publisher="{tt:source-publisher($tei)}">
      <xsl:for-each select="$tei/teiHeader/encodingDesc[tt:lang(.) != '']">
        <xsl:attribute name="xml:lang" select="tt:lang(.)"/>
      </xsl:for-each>
      <xsl:copy-of select="$tei/teiHeader/encodingDesc"/>
      <xsl:for-each-group select="$tei/text//*[@ref]" group-by="string(@ref)">
        <tt:named ref="{current-grouping-key()}" n="{count(current-group())}"/>
      </xsl:for-each-group>
    </tt:summary>
  </xsl:function>

  <!--* Heading of an editorialDecl part: "normalization" → "Normalization". -->
  <xsl:function name="h:decl-heading" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($name, 1, 1)) || substring($name, 2)"/>
  </xsl:function>
</xsl:stylesheet>
