<?xml version="1.0" encoding="UTF-8"?>
<!--
  Small lookups shared by the print modules: document number, title, date,
  running head, register names. Kept in one place so the TOC, the running
  heads, the index and the list of sources can never disagree.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tp="http://tei-tool/ns/print"
    xmlns:tt="http://tei-tool/ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!--* The register: the corpus member with xml:id="register" (may be absent). -->
  <xsl:variable name="tp:register" as="element(TEI)?" select="/teiCorpus/TEI[@xml:id = 'register']"/>
  <xsl:key name="tp:register" match="*[@xml:id]" use="@xml:id"/>

  <!--* Number of a document in this volume (1-based, volume order = corpus order). -->
  <xsl:function name="tp:number" as="xs:integer">
    <xsl:param name="doc" as="element(TEI)"/>
    <xsl:sequence select="count($doc/preceding-sibling::TEI[not(@xml:id = 'register')]) + 1"/>
  </xsl:function>

  <!--* Anchor id of a document's first page (TOC links, bookmarks, sources). -->
  <xsl:function name="tp:doc-anchor" as="xs:string">
    <xsl:param name="doc" as="element(TEI)"/>
    <xsl:sequence select="'doc-' || tp:number($doc)"/>
  </xsl:function>

  <!--* Running head: number (in a volume), date and title, the title cut at a word to fit one line. -->
  <xsl:function name="tp:runhead" as="xs:string">
    <xsl:param name="doc" as="element(TEI)"/>
    <xsl:variable name="t" select="tt:title($doc)"/>
    <xsl:variable name="short" select="if (string-length($t) le 60) then $t
        else replace(substring($t, 1, 56), '\s+\S*$', '') || ' …'"/>
    <xsl:sequence select="string-join((('No. ' || tp:number($doc))[$layout = 'volume'],
                                       tt:date-text($doc), $short), ' · ')"/>
  </xsl:function>

  <!--* The register entry a reg:ID pointer names, if any (key lookup: the index asks often). -->
  <xsl:function name="tp:entry" as="element()?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:variable name="id" select="tt:reg-id($ref)"/>
    <xsl:sequence select="if ($id != '' and exists($tp:register))
        then key('tp:register', $id, $tp:register)[1] else ()"/>
  </xsl:function>

  <!--* Index name: the register's main name, or the printed form when the name is not linked. -->
  <xsl:function name="tp:main-name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="e" select="tp:entry($name/@ref)"/>
    <xsl:sequence select="if ($e) then tt:reg-name($e) else normalize-space($name)"/>
  </xsl:function>

  <!--* The translators named in the headers, then the editors (PDF author). -->
  <xsl:function name="tp:authors" as="xs:string">
    <xsl:param name="docs" as="element(TEI)*"/>
    <xsl:variable name="names" select="distinct-values($docs ! tt:translator(.))
        [. != ''][not(starts-with(., 'not named'))]"/>
    <xsl:sequence select="string-join(($names, 'the editors of the tei-tool edition'), '; ')"/>
  </xsl:function>

  <!--* Subject line (PDF subject): what the file holds and the years it covers. -->
  <xsl:function name="tp:subject" as="xs:string">
    <xsl:param name="docs" as="element(TEI)*"/>
    <xsl:variable name="years" select="for $d in $docs return
        substring(($d//profileDesc/creation/date/(@when, @notBefore))[1], 1, 4)[. != '']"/>
    <xsl:sequence select="'TEI critical edition of ' || count($docs) ||
        (if (count($docs) = 1) then ' translated archival record' else ' translated archival records') ||
        (if (exists($years)) then ', ' || min($years) || (if (max($years) ne min($years))
          then '–' || max($years) else '') else '') ||
        ', from the Wilson Center Digital Archive'"/>
  </xsl:function>

  <!--* Anchor of a persName in the text (index entries point at it); the same in a
        copy of its document, since it counts only within the document. -->
  <xsl:function name="tp:name-anchor" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="n">
      <xsl:number select="$name" level="any" count="persName[ancestor::text]" from="TEI"/>
    </xsl:variable>
    <xsl:sequence select="'pn-' || $name/ancestor::TEI[1]/@xml:id || '-' || $n"/>
  </xsl:function>

</xsl:stylesheet>
