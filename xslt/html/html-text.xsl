<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML rendering of the document text: implementations of the render hooks
  of ../common/text.xsl. Only HOW things look is decided here; which words,
  brackets and labels are printed comes from common.

  Classes: "i-KIND" on every inline feature (KIND from tt:kind), "r-editor" or
  "r-translator" on interventions, "br" on printed-back brackets and labels,
  "b-KIND" on blocks. edition.css styles them; the legend explains them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="http://tei-tool/ns"
    xmlns:h="http://tei-tool/ns/html"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!--* HTML element for each block kind when it stands on its own. -->
  <xsl:variable name="h:block-elements" as="map(xs:string, xs:string)" select="map {
      'document': 'div', 'opener': 'div', 'head': 'h3', 'dateline': 'p', 'p': 'p',
      'closer': 'div', 'signed': 'p', 'postscript': 'div', 'ab': 'p',
      'distribution': 'div', 'list': 'ul', 'list-head': 'p', 'item': 'li', 'footnote': 'p'}"/>

  <!--* True when a block sits inside phrasing content in HTML (a p, heading,
        list item or note other than a distribution list), where only a span is
        allowed. One union of names per ancestor (cheaper than a test per name). -->
  <xsl:function name="h:in-phrasing" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/ancestor::*[self::p | self::head | self::dateline
        | self::signed | self::ab | self::item | self::label | self::note]
        [not(self::note/@type = 'distribution')])"/>
  </xsl:function>

  <xsl:template name="tt:block">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="el" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="name" select="if (h:in-phrasing($el)) then 'span'
        else if ($kind = 'item' and not($el/parent::list)) then 'p'
        else ($h:block-elements($kind), 'div')[1]"/>
    <xsl:element name="{$name}">
      <!-- a list of addressees the header prints sits above the text (b-top), not under it -->
      <xsl:attribute name="class" select="string-join(('b-' || $kind,
          if ($kind = 'distribution' and $el/@place = 'top') then 'b-top' else ()), ' ')"/>
      <xsl:if test="$kind = 'distribution'">
        <xsl:attribute name="aria-label" select="'Distribution list'"/>
        <xsl:attribute name="role" select="'group'"/>
      </xsl:if>
      <xsl:call-template name="h:lang-attribute">
        <xsl:with-param name="el" select="$el"/>
      </xsl:call-template>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <!--* A list outside phrasing content: its head as a paragraph before the
        ul (HTML allows only li in a ul); a label without item is an li too. -->
  <xsl:template match="list[not(h:in-phrasing(.))]" mode="tt:text">
    <xsl:apply-templates select="head" mode="tt:text"/>
    <ul class="b-list">
      <xsl:apply-templates select="node() except head" mode="tt:text"/>
    </ul>
  </xsl:template>

  <xsl:template match="list[not(h:in-phrasing(.))]/label[not(following-sibling::*[1][self::item])]"
                mode="tt:text">
    <li class="b-item"><xsl:apply-templates mode="tt:text"/></li>
  </xsl:template>

  <xsl:template name="tt:inline">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="el" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="when" select="$el/self::date/@when[. castable as xs:date
        or . castable as xs:gYearMonth or . castable as xs:gYear]"/>
    <!-- who intervened, shown only for an intervention (asked once for class and title) -->
    <xsl:variable name="resp" as="xs:string?"
                  select="tt:resp($el)[$el/@resp or exists(tt:brackets($el))]"/>
    <xsl:element name="{if ($when) then 'time' else 'span'}">
      <xsl:attribute name="class" select="string-join(('i-' || $kind, $resp ! ('r-' || .)), ' ')"/>
      <xsl:if test="$when">
        <xsl:attribute name="datetime" select="$when"/>
      </xsl:if>
      <xsl:if test="$kind = $tt:legend-kinds">
        <xsl:attribute name="title" select="string-join((tt:kind-label($kind),
            $resp ! ('(' || . || ')')), ' ')"/>
      </xsl:if>
      <xsl:call-template name="h:lang-attribute">
        <xsl:with-param name="el" select="$el"/>
      </xsl:call-template>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <xsl:template name="tt:bracket">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="el" as="element()"/>
    <xsl:if test="$text != ''">
      <span class="br br-{tt:resp($el)}"><xsl:value-of select="$text"/></span>
    </xsl:if>
  </xsl:template>

  <!--* Names link to their register entry when the register has it; a retired
        entry (with @sameAs) links to the entry that replaced it. -->
  <xsl:template name="tt:name">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="reg-id" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="target" select="h:reg-target($reg-id)"/>
    <xsl:variable name="class" select="'i-' || tt:kind($el)"/>
    <xsl:choose>
      <xsl:when test="$target != '' and not(h:has-links-inside($el))">
        <a class="{$class} name" href="register.html#{$target}"><xsl:sequence select="$content"/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class} unlinked"><xsl:sequence select="$content"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--* True when an element holds something that renders as a link (a linked
        name, a note call) or sits in a ref: a link there would nest links,
        which HTML forbids, so the outer name stays unlinked. Most names hold
        only text: their descendants are then not searched. -->
  <xsl:function name="h:has-links-inside" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/ancestor::ref) or exists($el/*) and (
        exists($el//ref[@type = 'note-call'])
        or exists($el//note[tt:is-numbered-note(.)])
        or exists($el//*[self::persName | self::orgName | self::placeName]
                        [h:reg-target(tt:reg-id(@ref)) != '']))"/>
  </xsl:function>

  <!--* The register id a name should link to: the id of the first entry of the
        register's standOff with that id, or of the entry it was merged into
        (@sameAs); '' when the register lacks it. A key look-up (the key's index is
        built once per input, not per page), so a page pays only for its own names,
        never for a map of the whole register of its run. -->
  <xsl:function name="h:reg-target" as="xs:string">
    <xsl:param name="reg-id" as="xs:string"/>
    <xsl:variable name="entry" select="if ($reg-id = '') then ()
        else ($h:register/standOff ! key('tt:xml-id', $reg-id, .))[1]"/>
    <xsl:sequence select="if (empty($entry/@sameAs)) then string($entry/@xml:id)
        else string((tt:reg-entry($h:register/standOff, tt:reg-id($entry/@sameAs))/@xml:id,
                     $entry/@xml:id)[1])"/>
  </xsl:function>

  <xsl:template name="tt:note-call">
    <xsl:param name="note" as="element(note)"/>
    <xsl:param name="number" as="xs:integer"/>
    <xsl:param name="marker" as="xs:string"/>
    <a class="note-call i-{tt:kind($note)}" id="{tt:call-anchor($note)}"
       href="#{tt:note-anchor($note)}"
       aria-label="{string-join((($marker[. != ''], string($number))[1],
                                 '(' || h:note-name($note, $number) || ')'), ' ')}">
      <sup><xsl:value-of select="($marker[. != ''], string($number))[1]"/></sup>
    </a>
  </xsl:template>

  <!--* "Note 1" / "Translator's note 2": the accessible name of a note. -->
  <xsl:function name="h:note-name" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:param name="number" as="xs:integer"/>
    <xsl:sequence select="(if (tt:kind($note) = 'translator-note') then 'Translator''s note '
                           else 'Note ') || $number"/>
  </xsl:function>

  <xsl:template name="tt:line-break">
    <xsl:param name="el" as="element()"/>
    <br/>
  </xsl:template>

  <!--* lang on an element whose xml:lang differs from its parent's. -->
  <xsl:template name="h:lang-attribute">
    <xsl:param name="el" as="element()"/>
    <xsl:if test="$el/@xml:lang and $el/@xml:lang != tt:lang($el/..)">
      <xsl:attribute name="lang" select="$el/@xml:lang"/>
    </xsl:if>
  </xsl:template>

  <!--* The numbered notes of a document as an ordered list with back-links. -->
  <xsl:template name="h:notes">
    <xsl:param name="text" as="element()"/>
    <xsl:variable name="notes" select="tt:numbered-notes($text)"/>
    <xsl:if test="exists($notes)">
      <xsl:call-template name="h:section">
        <xsl:with-param name="id" select="'notes'"/>
        <xsl:with-param name="heading" select="'Notes'"/>
        <xsl:with-param name="content">
          <ol class="notes">
            <xsl:for-each select="$notes">
              <li id="{tt:note-anchor(.)}" value="{tt:note-number(.)}" class="i-{tt:kind(.)}">
                <xsl:call-template name="tt:note-body">
                  <xsl:with-param name="note" select="."/>
                </xsl:call-template>
                <xsl:text> </xsl:text>
                <a class="back-link" href="#{tt:call-anchor(.)}"
                   aria-label="Back to the call of {h:note-name(., tt:note-number(.))}">↩</a>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
