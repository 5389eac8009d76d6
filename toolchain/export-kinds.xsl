<?xml version="1.0" encoding="UTF-8"?>
<!--
  The kind (tt:kind from xslt/common) of every element in a document's text,
  space-separated, for toolchain/export.py, which hands over the document's
  text element alone (as the document element): the JSON export counts
  interventions by the same meaning the HTML and print editions use.
  One bracket is one intervention: a [sic; X] bracket (choice/sic+corr) counts
  once, as 'corr'; its sic is left out.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tt="http://tei-tool/ns"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">
  <xsl:import href="../xslt/common/functions.xsl"/>
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="/text//*[not(self::sic[parent::choice])] ! tt:kind(.)[. != '']" separator=" "/>
  </xsl:template>
</xsl:stylesheet>
