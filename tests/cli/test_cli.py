"""The command line as other tools use it: output, files written, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from app.cli import main
from tests.conftest import ROOT, SEEDS


def run(*args: str) -> subprocess.CompletedProcess:
    """The real entry point in a child process, as a script or a user would call it."""
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


def test_plans_lists_the_four_built_in_plans(capsys):
    assert main(["plans", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [p["id"] for p in listed if p["builtin"]] == [
        "ningdong-base",
        "ningxia-region",
        "pingluo-county",
        "yinchuan-city",
    ]
    by_id = {p["id"]: p for p in listed}
    assert by_id["pingluo-county"]["level"] == "county"
    assert by_id["yinchuan-city"]["stage"] == "征求意见稿"


def test_import_plan_json_shape(capsys):
    assert main(["import-plan", str(SEEDS["yinchuan-city"]), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["title"] == "银川市碳达峰实施方案" and out["level"] == "city"
    tasks = out["sections"][2]
    assert (tasks["level"], tasks["label"], tasks["title"]) == (1, "三、", "重点任务")
    measure = tasks["children"][2]["children"][0]
    assert measure["title"] == "推动工业绿色低碳发展" and measure["units"] == []
    first, second = measure["children"]
    assert first["units"] == ["市工信局", "发改委", "科技局", "生态环境局"]
    assert (first["level"], first["label"]) == (4, "")
    assert first["targets"][0]["year"] == 2025 and "35" in first["targets"][0]["sentence"]
    assert second["units"][0] == "市生态环境局"
    assert len(out["task_table"]) == 39


def test_import_plan_goes_into_the_user_library_and_is_listed(tmp_path, capsys, user_dirs):
    source = tmp_path / "永宁县碳达峰实施方案.txt"
    source.write_bytes(SEEDS["pingluo-county"].read_bytes())
    assert main(["import-plan", str(source)]) == 0
    out = capsys.readouterr().out
    assert "10 项行动，40 条措施" in out
    saved = user_dirs / "plans" / "永宁县碳达峰实施方案.json"
    assert saved.exists()
    assert main(["plans", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"id": "永宁县碳达峰实施方案", "builtin": False}.items() <= listed[-1].items()
    # The same source again replaces its import; nothing else is overwritten.
    assert main(["import-plan", str(source)]) == 0
    assert len(list((user_dirs / "plans").glob("*.json"))) == 1


def test_a_different_plan_with_the_same_name_does_not_overwrite(tmp_path, capsys, user_dirs):
    first = tmp_path / "a" / "plan.txt"
    second = tmp_path / "b" / "plan.txt"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_bytes(SEEDS["pingluo-county"].read_bytes())
    second.write_bytes(SEEDS["yinchuan-city"].read_bytes())
    assert main(["import-plan", str(first)]) == 0
    assert main(["import-plan", str(second)]) == 0
    names = sorted(p.name for p in (user_dirs / "plans").glob("*.json"))
    assert names == ["plan-2.json", "plan.json"]


def test_import_plan_to_an_output_file(tmp_path):
    out = tmp_path / "ningxia.json"
    result = run("import-plan", str(SEEDS["ningxia-region"]), "-o", str(out), "--id", "nx")
    assert result.returncode == 0, result.stderr
    stored = json.loads(out.read_text(encoding="utf-8"))
    assert stored["format"] == "peakplan-plan" and stored["id"] == "nx"
    assert stored["sections"][2]["children"][0]["children"][0]["id"] == "nx:三.一.1"


def test_unreadable_file_exit_code_2_and_one_line(tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.7")
    result = run("import-plan", str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(bad) in lines[0] and "PDF" in lines[0]
    assert "Traceback" not in result.stderr


def test_output_folder_not_writable(tmp_path):
    result = run("import-plan", str(SEEDS["ningdong-base"]), "-o", str(tmp_path / "no" / "x.json"))
    assert result.returncode == 2
    assert "文件夹不存在" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_plan_imported_twice_under_one_id_is_named_by_its_stored_id(tmp_path, capsys):
    from app.importer import import_to_library

    first, _ = import_to_library(SEEDS["ningdong-base"])
    changed = tmp_path / "ningdong_base_plan_2023.txt"
    changed.write_text(SEEDS["ningdong-base"].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second, saved = import_to_library(changed)
    assert second.plan.id != first.plan.id and saved.stem == second.plan.id


def test_new_fills_the_cover_from_drafter_commissioner_and_date(tmp_path, capsys):
    from docx import Document

    from app.core.draft.store.files import load_draft

    out = tmp_path / "永宁.peakplan"
    argv = ["new", "--county", "永宁县", "--city", "银川市", "--region", "宁夏回族自治区"]
    argv += ["--from", "yinchuan-city", "--actions", "一", "-o", str(out)]
    argv += ["--drafter", "宁夏某咨询公司", "--commissioner", "永宁县发展和改革局"]
    assert main([*argv, "--date", "2024-03"]) == 0
    meta = load_draft(out).meta
    assert (meta.drafted_by, meta.commissioned_by, meta.date) == (
        "宁夏某咨询公司",
        "永宁县发展和改革局",
        "2024-03",
    )
    assert main(["export", str(out), "-o", str(tmp_path), "--word-only"]) == 0
    cover = [p.text for p in Document(str(tmp_path / "永宁县碳达峰实施方案.docx")).paragraphs[:5]]
    assert cover == [
        "永宁县碳达峰实施方案",
        "（征求意见稿）",
        "委托单位：永宁县发展和改革局",
        "编制单位：宁夏某咨询公司",
        "二〇二四年三月",
    ]


def test_new_refuses_a_date_that_is_not_a_month(tmp_path, capsys):
    argv = ["new", "--county", "永宁县", "--from", "yinchuan-city", "-o", str(tmp_path / "x")]
    assert main([*argv, "--date", "2024-13"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "YYYY-MM" in err
    assert not list(tmp_path.iterdir())


def test_as_is_takes_the_cover_fields_too(tmp_path):
    from app.core.draft.store.files import load_draft

    out = tmp_path / "银川.peakplan"
    argv = ["new", "--from-plan", "yinchuan-city", "--as-is", "-o", str(out)]
    assert main([*argv, "--drafter", "某院", "--date", "2023-08"]) == 0
    meta = load_draft(out).meta
    assert (meta.drafted_by, meta.date) == ("某院", "2023-08")


def test_import_plan_json_says_leads_deadline_and_notice(capsys, tmp_path):
    """Other tools read the new keys: several leads, 完成时限, the issuing notice."""
    plan_file = tmp_path / "某市方案.txt"
    plan_file.write_text(
        "某市人民政府关于印发某市碳达峰实施方案的通知\n\n各区县人民政府，市政府各部门：\n\n"
        "现将《某市碳达峰实施方案》印发给你们，请认真贯彻执行。\n\n某市人民政府\n\n2022年3月1日\n\n"
        "某市碳达峰实施方案\n\n一、总体要求\n\n推进绿色低碳发展。\n\n二、重点任务\n\n"
        "（一）能源绿色低碳转型行动\n\n1.推进节能改造。开展重点企业节能诊断。\n\n"
        "责任单位：市经信局\n\n完成时限：2022年2月底前\n",
        encoding="utf-8",
    )
    assert main(["import-plan", str(plan_file), "--json", "-o", str(tmp_path / "p.json")]) == 0
    out = json.loads(capsys.readouterr().out)
    measure = out["sections"][1]["children"][0]["children"][0]
    assert measure["lead_units"] == ["市经信局"] and measure["deadline"] == "2022年2月底前"
    assert out["notice"] and out["title"] == "某市碳达峰实施方案"
    assert out["governments"] == []


def test_export_package_writes_the_crosswalk_beside_the_draft(tmp_path, capsys):
    """送审 package (issue 17): the 上级方案任务承接对照表 from the same data as the 对照表 sheet."""
    from docx import Document

    assert main(["export", "--demo", "-o", str(tmp_path / "送审"), "--package"]) == 0
    printed = capsys.readouterr().out.splitlines()
    crosswalk = next(line for line in printed if line.endswith("上级方案任务承接对照表.docx"))
    document = Document(crosswalk)
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header[:3] == ["上级措施", "县方案对应措施", "承接方式"]


def test_a_plan_of_tasks_without_items_counts_each_task_as_a_measure(tmp_path, capsys, user_dirs):
    """A 阜阳-like plan: five tasks, none with numbered items. Import, new and check said
    "0 条措施" though the draft and its 任务分工表 have a measure for each task."""
    source = tmp_path / "某市节能降碳技术改造实施方案.txt"
    source.write_text(
        "某市节能降碳技术改造实施方案\n一、总体要求\n坚持节约优先。\n二、重点任务\n"
        "（一）加强能效清单目录管理。建立重点领域企业能效清单目录，实行动态管理。\n"
        "（二）推动重点企业技术改造。推动合成氨等领域企业开展节能降碳技术改造。\n"
        "三、保障措施\n加强组织领导。\n",
        encoding="utf-8",
    )
    assert main(["import-plan", str(source), "--id", "tasks-only"]) == 0
    assert "2 项行动，2 条措施" in capsys.readouterr().out
    draft = tmp_path / "县.peakplan"
    argv = ["new", "--county", "临泉县", "--city", "阜阳市", "--region", "安徽省"]
    assert main([*argv, "--from", "tasks-only", "--all", "-o", str(draft)]) == 0
    assert "2 条措施" in capsys.readouterr().out
    main(["check", str(draft)])
    assert "措施 2 条" in capsys.readouterr().out
