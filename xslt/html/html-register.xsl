<?xml version="1.0" encoding="UTF-8"?>
<!--
  The register page and the entry pages: persons, organisations and places
  named in the edition. The register page gives each entry its main name, the
  spellings the documents print, its facts and how many documents name it; the
  entry's own page (register/ID.html) lists those documents. Why two levels: in
  an edition of thousands of documents, a register page listing every document
  of every entry runs to megabytes, and the build would have to hold every
  mention of the edition at once to make it.

  Why only entries the documents point to: the register file also holds
  candidates and entries of documents outside this build; listing them would
  show entries with no document. Every name link of a document page lands on
  an entry of the register page (the link checker test relies on it).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tt="http://tei-tool/ns"
    xmlns:h="http://tei-tool/ns/html"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!--* The register's persons, organisations and places (the entries that can
        have a page). One union of names per element: //(a | b) would search the
        children of every node once per name. -->
  <xsl:variable name="h:entries" as="element()*"
                select="$h:register/standOff//*[self::person | self::org | self::place]"/>

  <!--* The names of the documents (tt:named of their summaries) grouped by the
        register entry they point to (after merges): computed once, so the page
        is linear in the edition's size. -->
  <xsl:variable name="h:mentions" as="map(xs:string, element(tt:named)*)">
    <xsl:map>
      <xsl:for-each-group select="$h:summaries/tt:named" group-by="h:reg-target(tt:reg-id(@ref))">
        <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <!--* Position of each document in edition order, and the retired ids merged
        into each entry: both computed once (a page of thousands of entries). -->
  <xsl:variable name="h:rank" as="map(xs:string, xs:integer)"
                select="map:merge(for $i in 1 to count($h:summaries)
                                  return map{string($h:summaries[$i]/@stem): $i})"/>
  <xsl:variable name="h:retired" as="map(xs:string, xs:string*)">
    <xsl:map>
      <xsl:for-each-group select="$h:entries[@sameAs]"
                          group-by="tt:reg-id(@sameAs)">
        <xsl:map-entry key="current-grouping-key()" select="current-group()/@xml:id ! string()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <!--* How many documents name each entry (after merges): given by the build
        (tt:named-in, so that the site pages never hold every mention of a large
        edition), else counted from the mentions. -->
  <xsl:variable name="h:doc-counts" as="map(xs:string, xs:integer)" select="
      if (exists($edition/tt:edition/tt:named-in))
      then map:merge($edition/tt:edition/tt:named-in ! map {string(@ref): xs:integer(@docs)})
      else map:merge(map:keys($h:mentions) ! map {.: count(distinct-values($h:mentions(.)/../@stem))})"/>

  <!--* The entries the documents name (after merges): listed on the register
        page, each with a page of its own. -->
  <xsl:variable name="h:named-entries" as="element()*"
                select="$h:entries[map:contains($h:doc-counts, string(@xml:id))]"/>

  <xsl:template name="h:register-page">
    <xsl:variable name="entries" select="$h:named-entries"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'Register of persons, organisations and places'"/>
      <xsl:with-param name="current" select="'register'"/>
      <xsl:with-param name="content">
        <p>Every person, organisation and place named in the documents, under one
          main name, with the spellings the documents print and the number of
          documents that name it, which leads to the list of those documents.</p>
        <xsl:for-each select="['person', 'persons', 'Persons'], ['org', 'organisations', 'Organisations'],
                              ['place', 'places', 'Places']">
          <xsl:variable name="kind" select="?1"/>
          <xsl:variable name="group" as="element()*">
            <xsl:perform-sort select="$entries[tt:reg-kind(.) = $kind]">
              <xsl:sort select="lower-case(tt:reg-name(.))"/>
            </xsl:perform-sort>
          </xsl:variable>
          <xsl:if test="exists($group)">
            <xsl:call-template name="h:section">
              <xsl:with-param name="id" select="?2"/>
              <xsl:with-param name="heading" select="?3"/>
              <xsl:with-param name="content">
                <ul class="register">
                  <xsl:apply-templates select="$group" mode="h:register"/>
                </ul>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--* One entry of the register page: main name, variants, facts, the number of
        documents naming it (a link to its page). -->
  <xsl:template match="person | org | place" mode="h:register">
    <xsl:variable name="id" select="string(@xml:id)"/>
    <li id="{$id}" class="reg-entry reg-{tt:reg-kind(.)}">
      <p class="reg-name"><xsl:value-of select="tt:reg-name(.)"/></p>
      <xsl:apply-templates select="." mode="h:entry-facts"/>
      <p class="reg-docs">
        <xsl:text>Named in </xsl:text>
        <a href="{h:entry-href($id)}">
          <xsl:value-of select="h:documents($h:doc-counts($id))"/>
        </a>
      </p>
      <xsl:for-each select="$h:retired($id)">
        <span id="{.}" class="reg-retired"/>
      </xsl:for-each>
    </li>
  </xsl:template>

  <!--* The spellings and facts of an entry (register page and entry page). -->
  <xsl:template match="person | org | place" mode="h:entry-facts">
    <xsl:variable name="names" select="(persName | orgName | placeName)"/>
    <xsl:variable name="variants" select="distinct-values($names[not(@type = 'main')] ! normalize-space())
                                          [. != tt:reg-name(current())]"/>
    <xsl:if test="exists($variants)">
      <p class="reg-variants">
        <xsl:text>Also printed as: </xsl:text>
        <xsl:for-each select="$names[not(@type = 'main')][normalize-space() = $variants]">
          <span>
            <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
            <xsl:value-of select="normalize-space()"/>
          </span>
          <xsl:if test="position() != last()"><xsl:text>; </xsl:text></xsl:if>
        </xsl:for-each>
      </p>
    </xsl:if>
    <xsl:for-each select="occupation | roleName | location | note | desc">
      <p class="reg-fact"><xsl:value-of select="normalize-space(string-join(.//text(), ' '))"/></p>
    </xsl:for-each>
  </xsl:template>

  <!--* The page of one entry ($id): its spellings and facts and every document
        that names it, in edition order, with the number of mentions. -->
  <xsl:template name="h:entry-page">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="entry" select="$h:entries[@xml:id = $id]"/>
    <xsl:variable name="kind" select="tt:reg-kind($entry)"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="tt:reg-name($entry)"/>
      <xsl:with-param name="current" select="'register'"/>
      <xsl:with-param name="root" select="'../'"/>
      <xsl:with-param name="content">
        <p class="reg-kind">
          <xsl:value-of select="map {'person': 'A person', 'org': 'An organisation',
                                     'place': 'A place'}($kind) || ' of the '"/>
          <a href="../register.html#{$id}">register</a>
          <xsl:text>.</xsl:text>
        </p>
        <xsl:apply-templates select="$entry" mode="h:entry-facts"/>
        <xsl:call-template name="h:section">
          <xsl:with-param name="id" select="'documents'"/>
          <xsl:with-param name="heading" select="'Named in ' || h:documents($h:doc-counts($id))"/>
          <xsl:with-param name="content">
            <ul class="reg-docs">
              <!-- one pass over the mentions, grouped by document, in edition order -->
              <xsl:for-each-group select="$h:mentions($id)" group-by="string(../@stem)">
                <xsl:sort select="$h:rank(current-grouping-key())"/>
                <xsl:variable name="n" select="sum(current-group()/@n ! xs:integer(.))"/>
                <xsl:for-each select="current-group()[1]/..">
                  <li>
                    <a href="../{h:doc-href(.)}"><xsl:value-of select="@date-text || ', ' || @title"/></a>
                    <xsl:value-of select="' (' || $n || (if ($n = 1) then ' mention)' else ' mentions)')"/>
                  </li>
                </xsl:for-each>
              </xsl:for-each-group>
            </ul>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!--* The ids of the entries that get a page (h:named-entries), as the stylesheet
        reads a whole edition: tests/build/test_site_summaries.py checks the pages
        toolchain/publish/site.py makes (Mentions.entries) against them. -->
  <xsl:template name="entries" as="xs:string*">
    <xsl:sequence select="$h:named-entries/@xml:id ! string()"/>
  </xsl:template>

  <!--* "1 document", "12 documents". -->
  <xsl:function name="h:documents" as="xs:string">
    <xsl:param name="n" as="xs:integer?"/>
    <xsl:sequence select="($n, 0)[1] || (if ($n = 1) then ' document' else ' documents')"/>
  </xsl:function>

  <!--* The page of an entry, from the site's folder. Only entries that names point
        to get a page, and their ids are those of reg: pointers ([a-z][a-z0-9-]*,
        tt:reg-id): safe as file names. -->
  <xsl:function name="h:entry-href" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'register/' || $id || '.html'"/>
  </xsl:function>
</xsl:stylesheet>
