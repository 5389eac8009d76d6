"""A small hand-encoded edition (guide §2–4) for the register tests: two documents and a register."""
from __future__ import annotations

from pathlib import Path

REGISTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="register">
 <teiHeader><fileDesc><titleStmt><title>Register</title></titleStmt>
  <publicationStmt><publisher>tei-tool edition</publisher></publicationStmt>
  <sourceDesc><p>hand-made test register</p></sourceDesc></fileDesc></teiHeader>
 <standOff>
  <listPerson>
   <person xml:id="p-mao-zedong"><persName type="main">Mao Zedong</persName></person>
   <person xml:id="p-gromyko-aa"><persName type="main">A. A. Gromyko</persName>
    <occupation notBefore="1957-02-15" notAfter="1985-07-02">Minister of Foreign Affairs of the USSR</occupation></person>
   <person xml:id="p-unused-nobody"><persName type="main">Nobody Unused</persName></person>
  </listPerson>
  <listPerson type="candidates">
   <person xml:id="p-mao"><persName type="main">Mao</persName></person>
   <person xml:id="p-gromyco-a"><persName type="main">A. Gromyco</persName>
    <idno type="wikidata">Q000000</idno></person>
  </listPerson>
  <listOrg><org xml:id="org-cpsu-cc"><orgName type="main">CPSU CC</orgName></org>
   <org xml:id="org-cc-cpsu"><orgName type="main">CC CPSU</orgName></org></listOrg>
  <listPlace><place xml:id="pl-beijing"><placeName type="main">Beijing</placeName>
   <placeName type="variant">Peking</placeName></place></listPlace>
 </standOff>
</TEI>
"""

DOCUMENT = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{id}">
 <teiHeader>
  <fileDesc>
   <titleStmt><title type="main">Test record {id}</title></titleStmt>
   <publicationStmt><publisher>tei-tool edition</publisher></publicationStmt>
   <sourceDesc><p>hand-made</p></sourceDesc>
  </fileDesc>
  <encodingDesc><listPrefixDef><prefixDef ident="reg" matchPattern="([a-z][a-z0-9\\-]*)"
   replacementPattern="register.xml#$1"/></listPrefixDef></encodingDesc>
  <profileDesc><particDesc><listPerson>{participants}</listPerson></particDesc></profileDesc>
 </teiHeader>
 <text><body><div type="document">
{body}
 </div></body></text>
</TEI>
"""

DOCS = {
    "doc-a": ('<person role="participant" sameAs="reg:p-mao"/>',
              '<p>Cde. <persName ref="reg:p-mao-zedong">Mao Zedong</persName> in '
              '<placeName ref="reg:pl-beijing">Peking</placeName>.</p>\n'
              '<p>Then <persName>Ivan Petrov</persName> spoke to <persName ref="reg:p-mao">Mao</persName>.</p>'),
    "doc-b": ('<person role="author" sameAs="reg:p-gromyko-aa"/>',
              '<p><persName ref="reg:p-gromyco-a">A. Gromyco</persName> and '
              '<persName ref="reg:p-gromyko-aa">A. A. Gromyko</persName> met '
              '<persName ref="reg:p-missing">Nobody Known</persName>.</p>'),
}


def write_edition(folder: Path) -> Path:
    """Write register.xml, doc-a.xml and doc-b.xml into ``folder``; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "register.xml").write_text(REGISTER, encoding="utf-8")
    for stem, (participants, body) in DOCS.items():
        (folder / f"{stem}.xml").write_text(DOCUMENT.format(id=stem, participants=participants, body=body),
                                            encoding="utf-8")
    return folder
