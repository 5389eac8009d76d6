<?xml version="1.0" encoding="UTF-8"?>
<!--
  Facts of a document read from its teiHeader (guide §2.2), as plain strings.

  Why here: the landing page, the document page, the citation meta tags and
  the print edition all show the same date, title, archive reference and
  citation; one accessor per fact keeps their wording identical.
  Every function takes the TEI root element.

  "The first X of its parent, anywhere in the header" is written
  descendant::X[not(preceding-sibling::X)], not //X[1]: the same elements, found
  in one pass over the header instead of one search of the children of every
  node of the header (a page asks for these facts several times).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="http://tei-tool/ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!--* The document's root id (also the basis of every anchor). -->
  <xsl:function name="tt:doc-id" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="string($tei/@xml:id)"/>
  </xsl:function>

  <!--* The main title; falls back to the first title, then to the root id. -->
  <xsl:function name="tt:title" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:variable name="s" select="$tei/teiHeader/fileDesc/titleStmt"/>
    <xsl:sequence select="(($s/title[@type = 'main'], $s/title) ! normalize-space()
                           [. != ''], tt:doc-id($tei))[1]"/>
  </xsl:function>

  <!--* The document date element (profileDesc/creation/date), if any. -->
  <xsl:function name="tt:date-el" as="element(date)?">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="$tei/teiHeader/profileDesc/creation/date[1]"/>
  </xsl:function>

  <!--* The document date as printed on the page ('undated' when absent). -->
  <xsl:function name="tt:date-text" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="(normalize-space(tt:date-el($tei))[. != ''], 'undated')[1]"/>
  </xsl:function>

  <!--* The repository (archive acronym) of the first msIdentifier. -->
  <xsl:function name="tt:archive" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="normalize-space($tei/teiHeader//msDesc/msIdentifier/repository[1])"/>
  </xsl:function>

  <!--* The archival reference of one msIdentifier or altIdentifier:
        "AVPRF, fond 0102, opis 13, delo 5", plus folios when known. When the
        converter kept the printed reference (idno type="citation", used when
        the parts could not be typed), that reference is given as printed,
        after the repository unless it starts with it. -->
  <xsl:function name="tt:archive-ref-of" as="xs:string">
    <xsl:param name="ident" as="element()"/>
    <xsl:variable name="locus" select="$ident/ancestor::msDesc/msContents/msItem/locus[1]
                                       [$ident/self::msIdentifier]"/>
    <xsl:variable name="printed" select="normalize-space($ident/idno[@type = 'citation'][1])"/>
    <xsl:variable name="repo" select="normalize-space($ident/repository)"/>
    <xsl:sequence select="if ($printed != '') then
          string-join(($repo[not(starts-with($printed, $repo))], $printed)[. != ''], ', ')
        else string-join((
        normalize-space($ident/repository),
        $ident/idno[@type = ('fond', 'opis', 'papka', 'delo')] ! (@type || ' ' || normalize-space()),
        $locus ! ('ll. ' || string-join(distinct-values((@from, @to)), '–')))[. != ''], ', ')"/>
  </xsl:function>

  <!--* Every archival reference of the document, first archive first. -->
  <xsl:function name="tt:archive-refs" as="xs:string*">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="$tei/teiHeader//msDesc/msIdentifier/(. | altIdentifier)
                          ! tt:archive-ref-of(.)[. != '']"/>
  </xsl:function>

  <!--* The citation of the source as printed on the web page. -->
  <xsl:function name="tt:source-citation" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="normalize-space($tei/teiHeader/descendant::bibl[@type = 'citation']
                          [not(preceding-sibling::bibl[@type = 'citation'])])"/>
  </xsl:function>

  <!--* The Wilson Center record id ('' when the page gives none). -->
  <xsl:function name="tt:record-id" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="normalize-space($tei/teiHeader/descendant::idno[@type = 'WCDA']
                          [not(preceding-sibling::idno[@type = 'WCDA'])])"/>
  </xsl:function>

  <!--* The URL of the source page ('' when unknown). -->
  <xsl:function name="tt:source-uri" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="normalize-space($tei/teiHeader/descendant::idno[@type = 'URI']
                          [not(preceding-sibling::idno[@type = 'URI'])])"/>
  </xsl:function>

  <!--* The translator's name, or the header's wording when none is named. -->
  <xsl:function name="tt:translator" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:variable name="r" select="$tei/teiHeader//respStmt[@xml:id = 'translator']"/>
    <xsl:sequence select="normalize-space(($r/persName, $r/name, $r/orgName)[1])"/>
  </xsl:function>

  <!--* Every responsibility statement as "resp name" (translator, contributor…),
        editors excluded. -->
  <xsl:function name="tt:credits" as="xs:string*">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="$tei/teiHeader/fileDesc/titleStmt/respStmt[not(@xml:id = 'editor')]
        ! (normalize-space(resp) || ' ' || string-join((persName, name, orgName) ! normalize-space(), ', '))"/>
  </xsl:function>

  <!--* The funders, in header order. -->
  <xsl:function name="tt:funders" as="xs:string*">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="$tei/teiHeader/fileDesc/titleStmt/funder ! normalize-space()"/>
  </xsl:function>

  <!--* The rights statement (availability) element. -->
  <xsl:function name="tt:rights" as="element(availability)?">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="$tei/teiHeader/fileDesc/publicationStmt/availability[1]"/>
  </xsl:function>

  <!--* The WCDA type (Diary Entry, Memorandum of Conversation, …) or ''. -->
  <xsl:function name="tt:doc-type" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="normalize-space(($tei/teiHeader//term[@type = 'wcda-type'],
        $tei/teiHeader//keywords[@scheme = 'reg:tax-wcda-type']/term)[1])"/>
  </xsl:function>

  <!--* The subjects of the document. -->
  <xsl:function name="tt:subjects" as="xs:string*">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="distinct-values($tei/teiHeader//keywords[@scheme = 'reg:tax-subject']
                          /term ! normalize-space())"/>
  </xsl:function>

  <!--* The classification of the document in words, through the register's
        taxonomy; '' when unclassified. -->
  <xsl:function name="tt:classification" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:param name="register" as="node()?"/>
    <xsl:sequence select="string-join($tei/teiHeader//catRef[@scheme = 'reg:tax-classification']
        ! tt:reg-name(tt:reg-entry($register, tt:reg-id(@target))), ', ')"/>
  </xsl:function>

  <!--* The summary of the document (abstract paragraphs). -->
  <xsl:function name="tt:summary" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="string-join($tei/teiHeader/profileDesc/abstract/p ! normalize-space(), ' ')"/>
  </xsl:function>

  <!--* The publisher of the edition. -->
  <xsl:function name="tt:publisher" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="(normalize-space($tei/teiHeader/fileDesc/publicationStmt/publisher[1])
                           [. != ''], 'tei-tool edition')[1]"/>
  </xsl:function>

  <!--* The source publisher (the digital archive that published the translation). -->
  <xsl:function name="tt:source-publisher" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:sequence select="(normalize-space($tei/teiHeader//bibl[@type = 'WCDA']/publisher[1])[. != ''],
        'History and Public Policy Program Digital Archive, Wilson Center')[1]"/>
  </xsl:function>

  <!--* "Cite this" text: title, date, archive, translator, source publisher,
        record id, edition. The same words in HTML and print. -->
  <xsl:function name="tt:citation" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:variable name="tr" select="tt:translator($tei)"/>
    <xsl:sequence select="string-join((
        '“' || tt:title($tei) || '”',
        tt:date-text($tei),
        tt:archive-refs($tei)[1],
        ('translated by ' || $tr)[$tr != '' and not(starts-with($tr, 'not named'))],
        tt:source-publisher($tei),
        ('Record ID ' || tt:record-id($tei))[tt:record-id($tei) != ''],
        tt:source-uri($tei)[. != ''],
        'TEI edition ' || tt:doc-id($tei) || ', ' || tt:publisher($tei)), ', ') || '.'"/>
  </xsl:function>
</xsl:stylesheet>
