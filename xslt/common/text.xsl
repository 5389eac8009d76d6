<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text of a document in mode tt:text: which words, brackets and labels
  are printed for each element (guide §3.5), handed to render hooks.

  Why hooks: this module decides WHAT is printed; an output format decides
  HOW by overriding the named templates in the "hooks" section (import this
  module, then define a template with the same name). With the default hooks
  below the result is the plain text of the edition, which is also what the
  round-trip test compares with the cleaned source page.

  Hook contract (all parameters are required):
    tt:inline      kind, el, content   an inline feature (intervention, name…)
    tt:bracket     text, el            printed-back brackets and labels: "[", "]",
                                       "Translator's note: ", "sic"; style by tt:resp(el)
    tt:block       kind, el, content   a block: document opener head dateline p
                                       closer signed postscript distribution list
                                       list-head item footnote
    tt:name        el, reg-id, content a persName/orgName/placeName ('' = unlinked)
    tt:note-call   note, number, marker the call of a numbered note in the text
    tt:line-break  el                  a printed line break (lb)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="http://tei-tool/ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!--* Elements without a rule print their content, so no word is ever lost. -->
  <xsl:mode name="tt:text" on-no-match="text-only-copy"/>

  <!-- ============================================================ hooks (defaults: plain text) -->

  <xsl:template name="tt:inline">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="el" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <xsl:template name="tt:bracket">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="el" as="element()"/>
    <xsl:value-of select="$text"/>
  </xsl:template>

  <xsl:template name="tt:block">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="el" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="tt:name">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="reg-id" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <xsl:template name="tt:note-call">
    <xsl:param name="note" as="element(note)"/>
    <xsl:param name="number" as="xs:integer"/>
    <xsl:param name="marker" as="xs:string"/>
    <xsl:value-of select="($marker[. != ''], '(' || $number || ')')[1]"/>
  </xsl:template>

  <xsl:template name="tt:line-break">
    <xsl:param name="el" as="element()"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- ============================================================ interventions -->

  <!--* Bracketed interventions: bracket, label, content (or fixed text / desc), bracket. -->
  <xsl:template mode="tt:text" priority="2" match="supplied | foreign | unclear | gap | corr
      | note[exists(tt:brackets(.))][not(tt:is-numbered-note(.))]">
    <xsl:call-template name="tt:inline">
      <xsl:with-param name="kind" select="tt:kind(.)"/>
      <xsl:with-param name="el" select="."/>
      <xsl:with-param name="content">
        <xsl:call-template name="tt:bracketed"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--* The printed form of a bracketed element, without the inline wrapper:
        also used for the body of a numbered translator's note. -->
  <xsl:template name="tt:bracketed">
    <xsl:param name="el" as="element()" select="."/>
    <xsl:variable name="b" select="tt:brackets($el)"/>
    <xsl:call-template name="tt:bracket">
      <xsl:with-param name="text" select="$b[1] || tt:label($el)"/>
      <xsl:with-param name="el" select="$el"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="tt:fixed-text($el) != ''">
        <xsl:value-of select="tt:fixed-text($el)"/>
      </xsl:when>
      <xsl:when test="$el/self::gap">
        <xsl:apply-templates select="$el/desc/node()" mode="tt:text"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$el/node()" mode="tt:text"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="tt:bracket">
      <xsl:with-param name="text" select="$b[2]"/>
      <xsl:with-param name="el" select="$el"/>
    </xsl:call-template>
  </xsl:template>

  <!--* sic: the words as printed; alone it is followed by "[sic]". -->
  <xsl:template match="sic" mode="tt:text">
    <xsl:call-template name="tt:inline">
      <xsl:with-param name="kind" select="'sic'"/>
      <xsl:with-param name="el" select="."/>
      <xsl:with-param name="content">
        <xsl:apply-templates mode="tt:text"/>
        <xsl:if test="tt:sic-needs-marker(.)">
          <xsl:call-template name="tt:bracket">
            <xsl:with-param name="text" select="'[sic]'"/>
            <xsl:with-param name="el" select="."/>
          </xsl:call-template>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--* Numbered notes leave a call in the text; their body is printed by the
        format with tt:note-body. An authorial note with a ref call prints at the ref. -->
  <xsl:template match="note[tt:is-numbered-note(.)]" mode="tt:text" priority="3">
    <xsl:if test="empty(tt:note-call(.))">
      <xsl:call-template name="tt:note-call">
        <xsl:with-param name="note" select="."/>
        <xsl:with-param name="number" select="tt:note-number(.)"/>
        <xsl:with-param name="marker" select="tt:note-marker(.)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="ref[@type = 'note-call']" mode="tt:text">
    <xsl:variable name="note" select="tt:called-note(.)"/>
    <xsl:choose>
      <xsl:when test="$note[tt:is-numbered-note(.)]">
        <xsl:call-template name="tt:note-call">
          <xsl:with-param name="note" select="$note"/>
          <xsl:with-param name="number" select="tt:note-number($note)"/>
          <xsl:with-param name="marker" select="normalize-space(.)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="tt:text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--* The body of a numbered note as printed at the foot: a translator's note
        in its brackets with its label, an authorial note with its own label. -->
  <xsl:template name="tt:note-body">
    <xsl:param name="note" as="element(note)"/>
    <xsl:choose>
      <xsl:when test="exists(tt:brackets($note))">
        <xsl:call-template name="tt:bracketed">
          <xsl:with-param name="el" select="$note"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$note/node()" mode="tt:text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ marked features -->

  <xsl:template mode="tt:text" match="seg[@type] | stamp | pc | date | email | label[parent::note]
      | idno[tt:kind(.) = 'idno']">
    <xsl:call-template name="tt:inline">
      <xsl:with-param name="kind" select="(tt:kind(.)[. != ''], local-name())[1]"/>
      <xsl:with-param name="el" select="."/>
      <xsl:with-param name="content">
        <xsl:apply-templates mode="tt:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="persName | orgName | placeName" mode="tt:text">
    <xsl:call-template name="tt:name">
      <xsl:with-param name="el" select="."/>
      <xsl:with-param name="reg-id" select="tt:reg-id(@ref)"/>
      <xsl:with-param name="content">
        <xsl:apply-templates mode="tt:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="lb" mode="tt:text">
    <xsl:call-template name="tt:line-break">
      <xsl:with-param name="el" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ blocks -->

  <!--* Block elements: kind = element name ('head', 'p', 'closer'…); a
        distribution note is 'distribution', an orphan footnote 'footnote'. -->
  <xsl:template mode="tt:text" match="div | opener | head | dateline | p | closer | signed
      | postscript | ab | list | note[@type = 'distribution']
      | note[@type = 'authorial'][not(tt:is-numbered-note(.))]">
    <xsl:call-template name="tt:block">
      <xsl:with-param name="kind" select="if (self::head[parent::list]) then 'list-head'
          else if (self::note) then tt:kind(.) else if (self::div) then 'document' else local-name()"/>
      <xsl:with-param name="el" select="."/>
      <xsl:with-param name="content">
        <xsl:apply-templates mode="tt:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--* A list item with the label printed before it ("1 – Cde. Gromyko"). -->
  <xsl:template match="item" mode="tt:text">
    <xsl:variable name="label" select="preceding-sibling::*[1][self::label]"/>
    <xsl:call-template name="tt:block">
      <xsl:with-param name="kind" select="'item'"/>
      <xsl:with-param name="el" select="."/>
      <xsl:with-param name="content">
        <xsl:if test="$label">
          <xsl:call-template name="tt:inline">
            <xsl:with-param name="kind" select="'item-label'"/>
            <xsl:with-param name="el" select="$label"/>
            <xsl:with-param name="content">
              <xsl:apply-templates select="$label/node()" mode="tt:text"/>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:text> – </xsl:text>
        </xsl:if>
        <xsl:apply-templates mode="tt:text"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--* List labels print with their item; a label with no item after it prints alone. -->
  <xsl:template match="list/label[following-sibling::*[1][self::item]]" mode="tt:text"/>

  <!--* Comments and processing instructions of the TEI are not text. -->
  <xsl:template match="comment() | processing-instruction()" mode="tt:text"/>
</xsl:stylesheet>
