"""Uploaded files leave the server's memory at once (quick exit, new case, a case just opened)."""

from __future__ import annotations

from types import SimpleNamespace

from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.uploaded_file_manager import UploadedFileRec

from components import forget


def test_uploads_of_this_session_are_dropped_and_others_kept(monkeypatch) -> None:
    store = MemoryUploadedFileManager("/upload")
    store.add_file("me", UploadedFileRec("f1", "case.json", "application/json", b'{"notes": "secret"}'))
    store.add_file("someone-else", UploadedFileRec("f2", "case.json", "application/json", b"{}"))
    ctx = SimpleNamespace(session_id="me", uploaded_file_mgr=store)
    monkeypatch.setattr(forget, "get_script_run_ctx", lambda: ctx)
    forget.uploads()
    assert store.get_files("me", ["f1"]) == []
    assert b"secret" not in b"".join(f.data for files in store.file_storage.values() for f in files.values())
    assert [f.file_id for f in store.get_files("someone-else", ["f2"])] == ["f2"]


def test_outside_a_session_there_is_nothing_to_drop(monkeypatch) -> None:
    monkeypatch.setattr(forget, "get_script_run_ctx", lambda: None)
    forget.uploads()  # no error
