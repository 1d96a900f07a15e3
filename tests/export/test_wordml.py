"""The WordprocessingML pieces, exactly: what each helper writes for small inputs."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from app.export.style import BorderStyle
from app.export.word import wordml


def _parse(xml: str):
    return etree.fromstring(f'<w:x xmlns:w="{wordml.W}">{xml}</w:x>')[0]


def test_text_is_escaped_and_cleaned_in_one_place():
    assert wordml.text("A&B <\"x\"> 'y'") == "A&amp;B &lt;&quot;x&quot;&gt; &apos;y&apos;"
    assert wordml.text("a\x00b\x0bc\x1fd\re\ud800") == "abcde"
    assert wordml.text("@@PEAKPLAN-PART-2@@]]>") == "@@PEAKPLAN-PART-2@@]]&gt;"


def test_a_run_writes_tabs_and_line_breaks_as_elements():
    xml = wordml.run("一、\t3\n<下>")
    assert xml == (
        '<w:r><w:t xml:space="preserve">一、</w:t><w:tab/>'
        '<w:t xml:space="preserve">3</w:t><w:br/><w:t xml:space="preserve">&lt;下&gt;</w:t></w:r>'
    )


def test_run_properties_name_all_four_fonts_and_no_theme():
    xml = wordml.run_properties("仿宋_GB2312", "Times New Roman", 16, bold=True)
    rpr = _parse(xml)
    fonts = rpr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "cs")} == {"Times New Roman"}
    assert not [a for a in fonts.attrib if "Theme" in a or "theme" in a]
    assert [etree.QName(c).localname for c in rpr] == ["rFonts", "b", "bCs", "sz", "szCs"]
    assert rpr.find(qn("w:sz")).get(qn("w:val")) == "32"


def test_a_field_has_begin_instruction_separate_result_end():
    runs = _parse(f"<w:p>{wordml.field('PAGE', '1')}</w:p>")
    kinds = [(c[0].get(qn("w:fldCharType")) or etree.QName(c[0]).localname) for c in runs]
    assert kinds == ["begin", "instrText", "separate", "t", "end"]
    assert runs[1][0].text == " PAGE "


def test_table_cells_merge_down_by_span_and_borders_rule_every_edge():
    assert '<w:vMerge w:val="restart"/>' in wordml.table_cell(100, "<w:p/>", span=3)
    assert "<w:vMerge/>" in wordml.table_cell(100, "<w:p/>", span=0)
    assert "vMerge" not in wordml.table_cell(100, "<w:p/>")
    ruled = _parse(wordml.table_borders(BorderStyle(width_pt=0.5, color="000000")))
    assert [e.get(qn("w:sz")) for e in ruled] == ["4"] * 6
    assert {e.get(qn("w:val")) for e in _parse(wordml.table_borders(None))} == {"nil"}


def test_set_child_replaces_or_inserts_in_schema_order():
    sect_pr = _parse(
        '<w:sectPr><w:pgSz/><w:cols/><w:docGrid w:type="lines" w:linePitch="360"/></w:sectPr>'
    )
    wordml.set_child(sect_pr, wordml.doc_grid(28.95))
    wordml.set_child(sect_pr, wordml.page_number_start(1), successors=wordml.PAGE_NUMBER_SUCCESSORS)
    assert [etree.QName(c).localname for c in sect_pr] == ["pgSz", "pgNumType", "cols", "docGrid"]
    grid = sect_pr.find(qn("w:docGrid"))
    assert dict(grid.attrib) == {qn("w:linePitch"): "579"}
