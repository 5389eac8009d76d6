<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page of one document: citation meta tags, metadata block, summary,
  text (opener set apart, interventions from common), numbered notes, legend,
  "cite this", downloads, previous/next.

  Why meta tags from header facts only: reference managers (Zotero, Google
  Scholar) read citation_* and DC.* and must get the same facts as the
  visible metadata block, so both call the same tt: accessors.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="http://tei-tool/ns"
    xmlns:h="http://tei-tool/ns/html"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="tt:doc" mode="h:document">
    <xsl:variable name="tei" select="TEI"/>
    <xsl:variable name="pos" select="index-of($h:docs ! string(@stem), string(@stem))[1]"/>
    <xsl:variable name="prev" select="$h:docs[$pos - 1]"/>
    <xsl:variable name="next" select="$h:docs[$pos + 1]"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="tt:title($tei)"/>
      <xsl:with-param name="publisher" select="tt:source-publisher($tei)"/>
      <xsl:with-param name="head">
        <xsl:sequence select="h:citation-meta($tei)"/>
        <link rel="alternate" type="application/tei+xml" href="{@stem}.xml"/>
        <xsl:if test="$prev"><link rel="prev" href="{h:doc-href($prev)}"/></xsl:if>
        <xsl:if test="$next"><link rel="next" href="{h:doc-href($next)}"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:call-template name="h:metadata"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
        <xsl:if test="tt:summary($tei) != ''">
          <xsl:call-template name="h:section">
            <xsl:with-param name="id" select="'summary'"/>
            <xsl:with-param name="heading" select="'Summary'"/>
            <xsl:with-param name="content">
              <xsl:apply-templates select="$tei/teiHeader/profileDesc/abstract/node()" mode="tt:text"/>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <section class="text" aria-labelledby="text-h">
          <xsl:call-template name="h:lang-attribute">
            <xsl:with-param name="el" select="$tei/text"/>
          </xsl:call-template>
          <h2 id="text-h">Text</h2>
          <xsl:apply-templates select="$tei/text/(front, body, back)/node()" mode="tt:text"/>
        </section>
        <xsl:call-template name="h:notes"><xsl:with-param name="text" select="$tei/text"/></xsl:call-template>
        <xsl:call-template name="h:legend"><xsl:with-param name="kinds" select="tt:kinds-in($tei)"/></xsl:call-template>
        <xsl:call-template name="h:section">
          <xsl:with-param name="id" select="'cite'"/>
          <xsl:with-param name="heading" select="'Cite this document'"/>
          <xsl:with-param name="content">
            <p class="citation"><xsl:value-of select="tt:citation($tei)"/></p>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="h:section">
          <xsl:with-param name="id" select="'downloads'"/>
          <xsl:with-param name="heading" select="'Downloads'"/>
          <xsl:with-param name="content">
            <ul>
              <li><a href="{@stem}.xml" type="application/tei+xml">TEI P5 XML of this document</a></li>
              <xsl:if test="@pdf = 'yes'">
                <li><a href="{@stem}.pdf" type="application/pdf">PDF of this document</a></li>
              </xsl:if>
            </ul>
          </xsl:with-param>
        </xsl:call-template>
        <nav class="prev-next" aria-label="Previous and next document">
          <ul>
            <xsl:for-each select="['prev', 'Previous', $prev], ['next', 'Next', $next]">
              <xsl:if test="exists(?3)">
                <li class="{?1}">
                  <a href="{h:doc-href(?3)}" rel="{?1}">
                    <xsl:value-of select="?2 || ': ' || tt:date-text(?3/TEI) || ', ' || tt:title(?3/TEI)"/>
                  </a>
                </li>
              </xsl:if>
            </xsl:for-each>
          </ul>
        </nav>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--* citation_* (Highwire, read by Zotero and Google Scholar) and DC.* tags
        (each fact read once from the header, though two tags may give it). -->
  <xsl:function name="h:citation-meta" as="element()*">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:variable name="iso" select="tt:date-key(tt:date-el($tei))"/>
    <xsl:variable name="title" select="tt:title($tei)"/>
    <xsl:variable name="publisher" select="tt:publisher($tei)"/>
    <xsl:variable name="archive" select="tt:archive-refs($tei)[1]"/>
    <xsl:variable name="summary" select="tt:summary($tei)"/>
    <xsl:sequence select="
        h:meta('description', $summary),
        h:meta('citation_title', $title),
        h:meta('citation_date', translate($iso, '-', '/')),
        h:meta('citation_publisher', $publisher),
        h:meta('citation_archive', $archive),
        h:meta('citation_id', tt:record-id($tei)),
        h:meta('citation_language', 'en'),
        h:meta('DC.title', $title),
        h:meta('DC.date', $iso),
        h:meta('DC.publisher', $publisher),
        h:meta('DC.source', (tt:source-citation($tei)[. != ''], $archive)[1]),
        h:meta('DC.type', tt:doc-type($tei)),
        h:meta('DC.language', 'en'),
        h:meta('DC.identifier', tt:doc-id($tei)),
        h:meta('DC.rights', normalize-space(tt:rights($tei))),
        h:meta('DC.contributor', tt:translator($tei)[not(starts-with(., 'not named'))]),
        h:meta('DC.description', $summary),
        tt:subjects($tei) ! h:meta('DC.subject', .)"/>
  </xsl:function>

  <!--* The metadata block: date, type, classification, archive reference(s),
        record id, credits, funders, rights. -->
  <xsl:template name="h:metadata">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:variable name="rows" as="array(*)*" select="
        ['Date', tt:date-text($tei)],
        ['Type', tt:doc-type($tei)],
        ['Classification', tt:classification($tei, $h:register)],
        ['Archive', tt:archive-refs($tei)],
        ['Source citation', tt:source-citation($tei)],
        ['Record ID', tt:record-id($tei)],
        ['Credits', tt:credits($tei)],
        ['Funded by', tt:funders($tei)],
        ['Subjects', tt:subjects($tei)]"/>
    <xsl:call-template name="h:section">
      <xsl:with-param name="id" select="'metadata'"/>
      <xsl:with-param name="heading" select="'About this document'"/>
      <xsl:with-param name="content">
        <dl class="metadata">
          <xsl:for-each select="$rows[exists(array:flatten(.)[position() gt 1][. != ''])]">
            <div>
              <dt><xsl:value-of select="?1"/></dt>
              <xsl:for-each select="array:flatten(.)[position() gt 1][. != '']">
                <dd><xsl:value-of select="."/></dd>
              </xsl:for-each>
            </div>
          </xsl:for-each>
          <xsl:variable name="uri" select="tt:source-uri($tei)"/>
          <xsl:variable name="href" select="h:safe-url($uri)"/>
          <xsl:if test="$href != ''">
            <div><dt>Source page</dt><dd><a href="{$href}"><xsl:value-of select="$uri"/></a></dd></div>
          </xsl:if>
          <xsl:if test="tt:rights($tei)">
            <div>
              <dt>Rights</dt>
              <xsl:for-each select="tt:rights($tei)/p">
                <dd><xsl:apply-templates mode="tt:text"/></dd>
              </xsl:for-each>
            </div>
          </xsl:if>
        </dl>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--* Legend: one sample of each intervention kind, styled as in the text. -->
  <xsl:template name="h:legend">
    <xsl:param name="kinds" as="xs:string*"/>
    <xsl:if test="exists($kinds)">
      <xsl:call-template name="h:section">
        <xsl:with-param name="id" select="'legend'"/>
        <xsl:with-param name="heading" select="'How to read the text'"/>
        <xsl:with-param name="content">
          <dl class="legend">
            <xsl:for-each select="$kinds">
              <div>
                <dt><xsl:sequence select="h:legend-sample(.)"/></dt>
                <dd><xsl:value-of select="tt:kind-label(.)"/></dd>
              </div>
            </xsl:for-each>
          </dl>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!--* A sample of a kind: its classes, brackets and label around the word "text"
        (the same printed form common/text.xsl gives the real element). -->
  <xsl:function name="h:legend-sample" as="element()">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="b" select="if ($kind = 'editor') then $tt:editor-brackets
        else if ($kind = ('unclear', 'illegible')) then ('[[', ']]')
        else if ($kind = ('classification', 'copy', 'idno', 'typist', 'stray', 'sic')) then ()
        else ('[', ']')"/>
    <xsl:variable name="resp" select="if ($kind = 'editor') then 'editor' else 'translator'"/>
    <xsl:variable name="label" select="if ($kind = 'translator-note') then 'Translator''s note: '
        else if ($kind = ('corr', 'sic-note')) then 'sic; ' else ''"/>
    <span class="i-{if ($kind = 'editor') then 'supplied' else $kind} r-{$resp}">
      <xsl:if test="$label = 'sic; '">text </xsl:if>
      <xsl:if test="exists($b)"><span class="br br-{$resp}"><xsl:value-of select="$b[1] || $label"/></span></xsl:if>
      <xsl:value-of select="if ($kind = 'gap') then '…' else if ($kind = 'stray') then ']'
                            else if ($kind = 'sic') then 'text [sic]' else 'text'"/>
      <xsl:if test="exists($b)"><span class="br br-{$resp}"><xsl:value-of select="$b[2]"/></span></xsl:if>
    </span>
  </xsl:function>
</xsl:stylesheet>
