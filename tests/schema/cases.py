"""The fixture table of the Schematron rules: one or more failing and passing edits per rule id.

Every fixture is ``base.xml`` (a document that passes every rule) with a few
exact text edits, written as ``<stem>.xml`` next to a copy of ``register.xml``
(or, for register rules, the register edited). ``at`` is a text of the failing
file: the rule must be reported on the line where it stands. Read a fixture
with ``python -m tests.schema.cases RULE-ID [fail|pass] [N]``.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
BASE = (HERE / "base.xml").read_text(encoding="utf-8")
REGISTER = (HERE / "register.xml").read_text(encoding="utf-8")

STAMP_DATE = '<date when="1957-11-12">12 November 1957</date> <idno'
NOTHING = "Nothing more."
FN_CALL = '<ref type="note-call" target="#doc1-fn1">X)</ref>'
DISTRIBUTION = BASE[BASE.index('    <note type="distribution"'):BASE.index("    <dateline>Nº")]
#: The list moved to the header, as Hungarian reports print it (``Produced in 6 copies for:``).
TOP_DISTRIBUTION = DISTRIBUTION.replace('place="bottom"', 'place="top"')


@dataclass(frozen=True)
class Case:
    rule: str
    role: str
    kind: str  #: "fail" or "pass"
    edits: tuple[tuple[str, str], ...] = ()
    at: str = ""  #: failing fixtures: text on the line the rule must report
    stem: str = "doc1"
    target: str = "document"  #: or "register": the edits apply to register.xml, which is validated
    note: str = field(default="", compare=False)

    def texts(self) -> tuple[str, str]:
        """(document, register) after the edits."""
        doc, reg = BASE, REGISTER
        for old, new in self.edits:
            if self.target == "register":
                assert reg.count(old) == 1, f"{self.rule}: {old!r} not once in register.xml"
                reg = reg.replace(old, new)
            else:
                count = doc.count(old)
                assert count >= 1, f"{self.rule}: {old!r} not in base.xml"
                doc = doc.replace(old, new)
        return doc, reg

    def write(self, folder: Path) -> Path:
        """Write the fixture into ``folder``; return the file to validate."""
        doc, reg = self.texts()
        (folder / "register.xml").write_text(reg, encoding="utf-8")
        (folder / f"{self.stem}.xml").write_text(doc, encoding="utf-8")
        return folder / ("register.xml" if self.target == "register" else f"{self.stem}.xml")

    def expected_line(self) -> int:
        doc, reg = self.texts()
        text = reg if self.target == "register" else doc
        assert text.count(self.at) >= 1, f"{self.rule}: at={self.at!r} not in the fixture"
        return text[: text.index(self.at)].count("\n") + 1


def fail(rule, edits, at, role="error", **kw) -> Case:
    return Case(rule, role, "fail", tuple(edits), at, **kw)


def ok(rule, edits=(), role="error", **kw) -> Case:
    return Case(rule, role, "pass", tuple(edits), **kw)


CASES = [
    ok("id-root-stem"),
    ok("id-root-stem", [("doc1", "d-1-doc")], stem="1-doc", note="stem is not an NCName"),
    fail("id-root-stem", [('xml:id="doc1" xml:lang', 'xml:id="doc2" xml:lang')], "<TEI "),
    ok("id-prefix"),
    fail("id-prefix", [('xml:id="doc1-n1"', 'xml:id="n1"')], 'xml:id="n1"'),
    ok("id-unique"),
    fail("id-unique", [('xml:id="doc1-n1"', 'xml:id="doc1-fn1"')], "<label>x)",
         note="the parser finds the second xml:id; the rule fires on trees built in memory too"),
    ok("ptr-resolves"),
    fail("ptr-resolves", [('target="#doc1-rights"', 'target="#doc1-nowhere"')], "<ptr "),
    fail("ptr-resolves", [('<repository ref="reg:org-avprf">', '<repository ref="reg:org-nowhere">')],
         "<repository "),
    ok("ptr-prefix-declared"),
    fail("ptr-prefix-declared",
         [('<prefixDef ident="reg" matchPattern="([a-z][a-z0-9\\-]*)" replacementPattern="register.xml#$1"/>',
           '<prefixDef ident="other" matchPattern="(.*)" replacementPattern="x.xml#$1"/>')], "<TEI "),
    ok("name-linked", role="warning"),
    fail("name-linked", [('<placeName ref="reg:pl-dprk">DPRK</placeName>', "<placeName>DPRK</placeName>")],
         "<placeName>DPRK", role="warning"),
    ok("register-unused", role="warning", target="register"),
    fail("register-unused", [("</listPerson>", '<person xml:id="p-nobody"><persName type="main">Nobody'
                              "</persName></person></listPerson>")],
         'xml:id="p-nobody"', role="warning", target="register"),
    ok("prov-repository"),
    fail("prov-repository", [('<repository ref="reg:org-avprf">AVPRF</repository>', "")], "<msIdentifier>"),
    fail("prov-repository", [(">AVPRF</repository>", "> </repository>")], "<msIdentifier>"),
    ok("prov-archival-idno"),
    ok("prov-archival-idno", [('<idno type="delo">5</idno>', "")], role="warning",
       note="citation only: a warning, not an error"),
    fail("prov-archival-idno", [('<idno type="fond">0102</idno>', "")], "<msIdentifier>", role="warning"),
    fail("prov-archival-idno", [('<idno type="fond">0102</idno>', ""),
                                ('<bibl type="citation">AVPRF F. 0102, Op. 13, Delo 5.</bibl>',
                                 "AVPRF F. 0102, Op. 13, Delo 5.")], "<msIdentifier>"),
    ok("prov-record-id", role="warning"),
    fail("prov-record-id", [('<idno type="WCDA">115932</idno>', "")], "<sourceDesc>", role="warning"),
    ok("prov-translator", role="warning"),
    fail("prov-translator", [('<persName ref="reg:p-goldberg-gary">Gary Goldberg</persName>',
                              "<name>not named on the page</name>")],
         '<respStmt xml:id="translator">', role="warning"),
    ok("prov-availability"),
    fail("prov-availability", [("<p>Reuse for research is welcome.</p>", "<p> </p>")], "<publicationStmt>"),
    ok("prov-creation-date"),
    ok("prov-creation-date", [('<date when="1957-11-13">November 13, 1957</date></creation>',
                               '<date notBefore="1957-11-01" notAfter="1957-11-30">November 1957</date>'
                               "</creation>")]),
    fail("prov-creation-date", [('<date when="1957-11-13">November 13, 1957</date></creation>',
                                 "<date>November 13, 1957</date></creation>")], "<teiHeader>"),
    ok("resp-required"),
    fail("resp-required", [('<unclear resp="#translator">5</unclear>', "<unclear>5</unclear>")], "<unclear>"),
    fail("resp-required", [('<note type="physical" place="inline" resp="#translator">',
                            '<note type="physical" place="inline">')], '<note type="physical"'),
    ok("reason-required"),
    fail("reason-required", [('<gap reason="omitted" resp="#translator"/>', '<gap resp="#translator"/>')],
         '<gap resp="#translator"/>'),
    ok("sic-not-empty"),
    fail("sic-not-empty", [("<sic>September</sic>", "<sic> </sic>")], "<sic> </sic>"),
    fail("sic-not-empty", [('<choice><sic>September</sic> <corr resp="#translator">November</corr></choice>',
                            'September <corr resp="#translator">November</corr>')], "<corr "),
    ok("translator-subtype"),
    fail("translator-subtype", [('<note type="handwritten" place="inline"',
                                 '<note type="handwritten" subtype="gloss" place="inline"')],
         '<note type="handwritten"'),
    ok("no-brackets"),
    ok("no-brackets", [(NOTHING, "Nothing more, see (1).")]),
    fail("no-brackets", [(NOTHING, "Nothing [more].")], "Nothing [more]"),
    ok("no-labels"),
    fail("no-labels", [(NOTHING, "Nothing more [sic].")], "Nothing more [sic]"),
    fail("no-labels", [("A footnote.", "Translator’s note: a footnote.")], "Translator’s note"),
    ok("no-markers"),
    ok("no-markers", [(NOTHING, "Nothing more (in a box) and 1) a point.")]),
    fail("no-markers", [(NOTHING, "Nothing more.*)")], "Nothing more.*)"),
    fail("no-markers", [(NOTHING + FN_CALL, NOTHING + "X)" + FN_CALL)], "Nothing more.X)"),
    ok("no-boilerplate"),
    fail("no-boilerplate", [("    <closer>", "    <p>Skip to content</p>\n    <closer>")], "Skip to content"),
    fail("no-boilerplate", [("    <closer>", "    <p>https://digitalarchive.example.org/document/1</p>\n"
                                             "    <closer>")], "https://"),
    ok("date-castable"),
    fail("date-castable", [(STAMP_DATE, STAMP_DATE.replace("1957-11-12", "1957-13-45"))], "1957-13-45"),
    ok("date-bounds"),
    fail("date-bounds", [('notBefore="1956-08-01" notAfter="1956-08-31"',
                          'notBefore="1956-08-31" notAfter="1956-08-01"')], 'notBefore="1956-08-31"'),
    fail("date-bounds", [('notBefore="1956-08-01" notAfter="1956-08-31"', 'notBefore="1956-08-01"')],
         'notBefore="1956-08-01">'),
    fail("date-bounds", [('notBefore="1956-08-01" notAfter="1956-08-31"',
                          'when="1956-08-15" notBefore="1956-08-01" notAfter="1956-08-31"')], 'when="1956-08-15"'),
    ok("date-future", role="warning"),
    fail("date-future", [(STAMP_DATE, STAMP_DATE.replace("1957-11-12", "2957-11-12"))], '"2957-11-12"',
         role="warning"),
    ok("fn-call-note"),
    ok("fn-call-note", [(FN_CALL, ""), ('place="foot" n="x)"', 'place="bottom" n="x)"')],
       note="a footnote printed without a call stays at the bottom"),
    fail("fn-call-note", [(FN_CALL, FN_CALL.replace("#doc1-fn1", "#doc1-n1"))], FN_CALL[:20]),
    fail("fn-call-note", [(FN_CALL, FN_CALL + " and " + FN_CALL)], FN_CALL[:20]),
    ok("signed-persname"),
    fail("signed-persname", [('(<persName ref="reg:p-puzanov-am" role="author">A. PUZANOV</persName>)',
                              "(A. PUZANOV)")], "<signed>"),
    ok("distribution-after-closer"),
    ok("distribution-after-closer", [("    <closer>", "    <!--<closer>"), ("</closer>", "</closer>-->")],
       note="a page without a closer: the note ends the document"),
    fail("distribution-after-closer", [(DISTRIBUTION, ""), ("    <closer>", DISTRIBUTION + "    <closer>")],
         '<note type="distribution"'),
    ok("distribution-after-closer", [(DISTRIBUTION, ""), ("    <head type", TOP_DISTRIBUTION + "    <head type")],
       note="a list the header prints stands in the div's top"),
    fail("distribution-after-closer", [(DISTRIBUTION, ""), ("    <closer>", TOP_DISTRIBUTION + "    <closer>")],
         '<note type="distribution"'),
    fail("distribution-after-closer",
         [('<list type="distribution">\n      <label>1</label>\n      <item>Cde. '
           '<persName ref="reg:p-kim-il-sung">Kim</persName></item>\n     </list>',
           '<p>Cde. <persName ref="reg:p-kim-il-sung">Kim</persName></p>')], '<note type="distribution"'),
    ok("classification-mirrored", role="warning"),
    fail("classification-mirrored", [('target="reg:cls-secret"', 'target="reg:cls-top-secret"')],
         '<seg type="classification"', role="warning"),
    ok("classification-category"),
    fail("classification-category", [('ana="reg:cls-secret"', 'ana="reg:type-diary-entry"')],
         '<seg type="classification"'),
    ok("closed-list-context"),
    fail("closed-list-context", [('<idno type="outgoing">252</idno>', '<idno type="fond">252</idno>')],
         '<idno type="fond">252'),
    fail("closed-list-context", [('<idno type="opis">13</idno>', '<idno type="registry">13</idno>')],
         '<idno type="registry">13'),
    fail("closed-list-context", [('<dateline><date when="1957-11-13">13 November',
                                  '<dateline><date type="uploaded" when="1957-11-13">13 November')],
         '<dateline><date type="uploaded"'),
    ok("words-apart", role="warning"),
    fail("words-apart", [("1957</date> <idno", "1957</date><idno")], "1957</date><idno", role="warning"),
    fail("words-apart", [("12 November 1957</date>", "12 November 1957<lb/>13855</date>")], "1957<lb/>",
         role="warning"),
    ok("words-apart", [("Party activists", 'Party F<supplied reason="omitted-in-original" '
                        'resp="#translator">oreign</supplied> activists')], role="warning",
       note="letters supplied inside a printed word continue it"),
    fail("words-apart", [("Party activists", 'Party<supplied reason="omitted-in-original" '
                          'resp="#translator">Foreign</supplied> activists')], "Party<supplied",
         role="warning", note="a capital after the boundary starts a new word"),
]


if __name__ == "__main__":  # print a fixture: python -m tests.schema.cases RULE [fail|pass] [N]
    rule, kind = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "fail")
    picked = [c for c in CASES if c.rule == rule and c.kind == kind]
    case = picked[int(sys.argv[3]) if len(sys.argv) > 3 else 0]
    doc, reg = case.texts()
    print(reg if case.target == "register" else doc)
