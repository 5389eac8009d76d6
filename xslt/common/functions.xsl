<?xml version="1.0" encoding="UTF-8"?>
<!--
  What each intervention MEANS, independent of the output format (guide §3.5).

  Why here: the HTML site and the print edition must print the same brackets,
  labels and note numbers, so both import these functions and only decide how
  a "kind" looks. Every function is pure (element in, strings out).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="http://tei-tool/ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!--* Editorial brackets (interventions with resp="#editor") differ from the
        translator's square brackets so readers can tell ours from theirs. -->
  <xsl:variable name="tt:editor-brackets" as="xs:string+" select="('⟨', '⟩')"/>

  <!--* Who made an intervention: 'editor' for resp="#editor", else 'translator'. -->
  <xsl:function name="tt:resp" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/@resp = '#editor') then 'editor' else 'translator'"/>
  </xsl:function>

  <!--* The kind of an element: a stable token used for CSS classes, legends and
        tests ('' when the element is not an intervention or marked feature).
        Names and dates, the commonest kinds of a text, are asked for first (each
        kind comes from one element name, so the order changes no answer). -->
  <xsl:function name="tt:kind" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="
      if ($el/self::persName) then 'person'
      else if ($el/self::placeName) then 'place'
      else if ($el/self::orgName) then 'org'
      else if ($el/self::date) then 'date'
      else if ($el/self::note) then
        if ($el/@type = 'translator') then
          (if ($el/@subtype = 'sic') then 'sic-note'
           else if ($el/@subtype = ('gloss', 'romanization')) then string($el/@subtype)
           else 'translator-note')
        else if ($el/@type = 'authorial') then 'footnote'
        else if ($el/@type = ('stamp', 'handwritten', 'physical', 'distribution')) then string($el/@type)
        else 'note'
      else if ($el/self::supplied) then 'supplied'
      else if ($el/self::foreign) then 'foreign'
      else if ($el/self::sic) then 'sic'
      else if ($el/self::corr) then 'corr'
      else if ($el/self::unclear) then 'unclear'
      else if ($el/self::gap) then
        (if ($el/@reason = 'omitted') then 'gap'
         else if ($el/@reason = 'illegible') then 'illegible'
         else if ($el/@reason = 'signature') then 'signature'
         else if ($el/@reason = 'email-protected') then 'email-protected'
         else 'gap')
      else if ($el/self::ref[@type = 'note-call']) then 'note-call'
      else if ($el/self::seg[@type]) then string($el/@type)
      else if ($el/self::idno and $el/ancestor::text) then 'idno'
      else if ($el/self::stamp) then 'stamp-text'
      else if ($el/self::pc[@type = 'stray']) then 'stray'
      else ''"/>
  </xsl:function>

  <!--* Opening and closing bracket printed around an element, or () when the
        element prints no brackets (guide §3.5). Editor interventions get the
        editorial pair instead of square brackets. -->
  <xsl:function name="tt:brackets" as="xs:string*">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="k" select="tt:kind($el)"/>
    <xsl:variable name="double" select="$k = ('unclear', 'illegible')"/>
    <xsl:variable name="bracketed" select="$k = ('supplied', 'foreign', 'stamp', 'handwritten',
        'physical', 'translator-note', 'gloss', 'romanization', 'sic-note', 'corr', 'gap',
        'illegible', 'signature', 'email-protected', 'unclear')
        and not($k = ('stamp', 'handwritten', 'physical') and $el/@place != 'inline')"/>
    <xsl:variable name="pair" select="if (tt:resp($el) = 'editor') then $tt:editor-brackets
                                      else ('[', ']')"/>
    <xsl:sequence select="if (not($bracketed)) then ()
                          else if ($double) then ($pair[1] || $pair[1], $pair[2] || $pair[2])
                          else $pair"/>
  </xsl:function>

  <!--* Words printed after the opening bracket, before the content
        ("Translator's note: ", "sic; "); '' for most kinds. -->
  <xsl:function name="tt:label" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="k" select="tt:kind($el)"/>
    <!-- a translator's note that kept its own short label (trans. note:) prints none more -->
    <xsl:sequence select="if ($k = 'translator-note')
                            then (if (matches(string($el), '^\s*(trans\.|transl\.|translator)\s+note', 'i'))
                                  then '' else 'Translator''s note: ')
                          else if ($k = ('corr', 'sic-note')) then 'sic; '
                          else ''"/>
  </xsl:function>

  <!--* The fixed text an empty intervention prints between its brackets
        ("…" for an omission); '' when the content itself is printed. -->
  <xsl:function name="tt:fixed-text" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/self::gap[@reason = 'omitted']) then '…' else ''"/>
  </xsl:function>

  <!--* True for a sic outside choice that gets "[sic]" after it: one whose next
        element is not a sic note (that note prints "[sic; …]" itself) or has words
        before it. The look-up stops at the first words after the sic: collecting every
        following text node would cost the rest of the edition for each sic. -->
  <xsl:function name="tt:sic-needs-marker" as="xs:boolean">
    <xsl:param name="sic" as="element(sic)"/>
    <xsl:variable name="next" select="$sic/following::*[1]"/>
    <xsl:variable name="words" select="$sic/following::text()[normalize-space()][1]"/>
    <xsl:sequence select="not($sic/parent::choice)
        and not($next/self::note[@type = 'translator'][@subtype = 'sic']
                and (empty($words) or $words >> $next))"/>
  </xsl:function>

  <!--* A human description of a kind, for legends and tooltips. -->
  <xsl:function name="tt:kind-label" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="($tt:kind-labels($kind), $kind)[1]"/>
  </xsl:function>

  <!--* The descriptions of tt:kind-label, made once (not at every call). -->
  <xsl:variable name="tt:kind-labels" as="map(xs:string, xs:string)" select="map {
        'supplied': 'words supplied by the translator',
        'foreign': 'Russian wording quoted by the translator',
        'stamp': 'stamp described by the translator',
        'handwritten': 'handwriting described by the translator',
        'physical': 'description of the paper',
        'translator-note': 'translator''s note',
        'gloss': 'translator''s explanation of an abbreviation',
        'romanization': 'translator''s alternative romanisation',
        'sic': 'so in the original',
        'sic-note': 'so in the original, with a comment',
        'corr': 'so in the original, with the correct reading',
        'gap': 'words omitted by the translator',
        'illegible': 'illegible in the original',
        'unclear': 'uncertain reading',
        'signature': 'signature',
        'email-protected': 'address hidden by the web page',
        'footnote': 'footnote of the original',
        'classification': 'security classification',
        'copy': 'copy number',
        'idno': 'registry number',
        'typist': 'typist''s code',
        'stray': 'stray bracket of the source page',
        'editor': 'intervention of the editors of this edition'
      }"/>

  <!--* The kinds a legend explains, in legend order. -->
  <xsl:variable name="tt:legend-kinds" as="xs:string+" select="('supplied', 'foreign', 'stamp',
      'handwritten', 'physical', 'translator-note', 'gloss', 'romanization', 'sic', 'sic-note',
      'corr', 'gap', 'illegible', 'unclear', 'signature', 'email-protected', 'classification',
      'copy', 'idno', 'typist', 'stray')"/>

  <!--* Kinds present in a document, in legend order, plus 'editor' when the
        editors intervened (their brackets need explaining too). Only the elements
        tt:kind can give a legend kind are asked (not names, dates, paragraphs…:
        most of a document): extend the list with tt:kind and $tt:legend-kinds. One
        union of names per element: //(a | b) would search the children of every
        node once per name. -->
  <xsl:function name="tt:kinds-in" as="xs:string*">
    <xsl:param name="text" as="element()"/>
    <xsl:variable name="present" select="distinct-values($text//*[self::note | self::supplied
        | self::foreign | self::sic | self::corr | self::unclear | self::gap | self::seg | self::idno
        | self::pc] ! tt:kind(.))"/>
    <xsl:sequence select="$tt:legend-kinds[. = $present],
        'editor'[exists($text//*[@resp = '#editor'][exists(tt:brackets(.))])]"/>
  </xsl:function>

  <!-- ============================================================ notes -->

  <!--* Notes printed as numbered notes: authorial footnotes with a call and
        translator's notes without subtype. Other notes stay where printed. -->
  <xsl:function name="tt:is-numbered-note" as="xs:boolean">
    <xsl:param name="n" as="element()"/>
    <xsl:sequence select="exists($n/self::note[ancestor::text]
        [(@type = 'authorial' and @place = 'foot') or (@type = 'translator' and not(@subtype))])"/>
  </xsl:function>

  <!--* The numbered notes of a document (of a text element), in document order. -->
  <xsl:function name="tt:numbered-notes" as="element(note)*">
    <xsl:param name="text" as="element()"/>
    <xsl:sequence select="$text//note[tt:is-numbered-note(.)]"/>
  </xsl:function>

  <!--* Number of a numbered note: 1, 2, … per document, in document order
        (counted inside the note's own text, so documents gathered in one tree,
        a corpus or an edition wrapper, each start at 1). -->
  <xsl:function name="tt:note-number" as="xs:integer">
    <xsl:param name="n" as="element(note)"/>
    <xsl:sequence select="count($n/ancestor::text[last()]//note
        [tt:is-numbered-note(.)][. &lt;&lt; $n]) + 1"/>
  </xsl:function>

  <!--* The ref that calls an authorial note, if any. -->
  <xsl:function name="tt:note-call" as="element(ref)?">
    <xsl:param name="n" as="element(note)"/>
    <xsl:sequence select="($n/ancestor::text//ref[@type = 'note-call']
        [@target = '#' || $n/@xml:id])[1][$n/@xml:id]"/>
  </xsl:function>

  <!--* The note a note-call points to, if it is in the same text. -->
  <xsl:function name="tt:called-note" as="element(note)?">
    <xsl:param name="ref" as="element(ref)"/>
    <xsl:sequence select="$ref/ancestor::text//note[@xml:id = substring-after($ref/@target, '#')][1]"/>
  </xsl:function>

  <!--* The marker printed for a note: its call's text, else @n, else ''. -->
  <xsl:function name="tt:note-marker" as="xs:string">
    <xsl:param name="n" as="element(note)"/>
    <xsl:sequence select="string((tt:note-call($n) ! normalize-space(), string($n/@n))[. != ''][1])"/>
  </xsl:function>

  <!--* A stable anchor id for a note: its xml:id, else root id + '-note' + number. -->
  <xsl:function name="tt:note-anchor" as="xs:string">
    <xsl:param name="n" as="element(note)"/>
    <xsl:sequence select="if ($n/@xml:id) then string($n/@xml:id)
        else string($n/ancestor::TEI[1]/@xml:id) || '-note' || tt:note-number($n)"/>
  </xsl:function>

  <!--* The anchor id of the call of a note (for the back-link). -->
  <xsl:function name="tt:call-anchor" as="xs:string">
    <xsl:param name="n" as="element(note)"/>
    <xsl:sequence select="tt:note-anchor($n) || '-call'"/>
  </xsl:function>

  <!-- ============================================================ pointers -->

  <!--* The register id of a reg: pointer, or '' when the pointer is not a
        well-formed register id, [a-z][a-z0-9-]* (never trust it in a URL then).
        Checked with translate, not matches: every name of a page is checked, and
        a regular expression costs several times more per call. -->
  <xsl:function name="tt:reg-id" as="xs:string">
    <xsl:param name="ptr" as="xs:string?"/>
    <xsl:variable name="id" select="substring-after(normalize-space($ptr), 'reg:')"/>
    <xsl:sequence select="if ($id != ''
        and translate(substring($id, 1, 1), 'abcdefghijklmnopqrstuvwxyz', '') = ''
        and translate($id, 'abcdefghijklmnopqrstuvwxyz0123456789-', '') = '') then $id else ''"/>
  </xsl:function>

  <!--* The register entry (person, org, place, category) with that id. -->
  <xsl:function name="tt:reg-entry" as="element()?">
    <xsl:param name="register" as="node()?"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="if ($id = '' or empty($register)) then () else key('tt:xml-id', $id, $register)[1]"/>
  </xsl:function>

  <!--* Elements by xml:id: register look-ups in constant time (a large edition
        makes thousands of them per page). -->
  <xsl:key name="tt:xml-id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!--* The display name of a register entry: its main name, else its first
        name or category description. -->
  <xsl:function name="tt:reg-name" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="normalize-space((
        $entry/(persName | orgName | placeName)[@type = 'main'],
        $entry/(persName | orgName | placeName | catDesc),
        $entry/@xml:id)[1])"/>
  </xsl:function>

  <!--* Register category of an entry: 'person', 'org' or 'place'. -->
  <xsl:function name="tt:reg-kind" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::person) then 'person'
        else if ($entry/self::org) then 'org' else 'place'"/>
  </xsl:function>

  <!-- ============================================================ dates -->

  <!--* The machine-readable value of a date element: @when, else the
        @notBefore/@notAfter range as "A/B", else ''. -->
  <xsl:function name="tt:date-iso" as="xs:string">
    <xsl:param name="d" as="element()?"/>
    <xsl:sequence select="if ($d/@when) then string($d/@when)
        else if ($d/@notBefore and $d/@notAfter) then $d/@notBefore || '/' || $d/@notAfter
        else string(($d/@notBefore, $d/@notAfter, $d/@from)[1])"/>
  </xsl:function>

  <!--* A sortable key for a date element (earliest possible day, '' unknown). -->
  <xsl:function name="tt:date-key" as="xs:string">
    <xsl:param name="d" as="element()?"/>
    <xsl:sequence select="string(($d/@when, $d/@notBefore, $d/@from, $d/@notAfter)[1])"/>
  </xsl:function>

  <!--* The language of an element as declared by the nearest xml:lang. -->
  <xsl:function name="tt:lang" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="string($el/ancestor-or-self::*[@xml:lang][1]/@xml:lang)"/>
  </xsl:function>
</xsl:stylesheet>
