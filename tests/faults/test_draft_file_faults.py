"""Hostile .peakplan files: each is refused with a Chinese message, never read forever,
never changed. (A FIFO hung the window; /dev/zero behind a symlink ate the memory; deep
nesting and a 5,000-digit number ended in an internal error.)"""

from __future__ import annotations

import os

import pytest

from app.core.draft.store.files import DraftFileError, load_draft


def _refused(path) -> str:
    with pytest.raises(DraftFileError) as caught:
        load_draft(path)
    return caught.value.one_line()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "管道.peakplan"
    os.mkfifo(fifo)
    assert "特殊文件" in _refused(fifo)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "零.peakplan"
    link.symlink_to("/dev/zero")
    assert "特殊文件" in _refused(link)


def test_a_folder_named_like_a_draft_is_refused(tmp_path):
    folder = tmp_path / "文件夹.peakplan"
    folder.mkdir()
    assert "文件夹" in _refused(folder)


def test_deep_nesting_is_refused(tmp_path):
    path = tmp_path / "深.peakplan"
    data = (
        b'{"format": "peakplan-draft", "version": 2, "meta": '
        + b"[" * 100_000
        + b"]" * 100_000
        + b"}"
    )
    path.write_bytes(data)
    assert "嵌套层数过多" in _refused(path)
    assert path.read_bytes() == data


def test_moderate_nesting_beyond_any_draft_is_refused(tmp_path):
    path = tmp_path / "较深.peakplan"
    path.write_bytes(
        b'{"format": "peakplan-draft", "version": 2, "x": ' + b"[" * 500 + b"]" * 500 + b"}"
    )
    assert "嵌套层数过多" in _refused(path)


def test_a_number_of_thousands_of_digits_is_refused(tmp_path):
    path = tmp_path / "长数字.peakplan"
    path.write_bytes(b'{"format": "peakplan-draft", "version": ' + b"9" * 5000 + b"}")
    assert "过长的数字" in _refused(path)
