"""Settings: defaults, a partial TOML file overriding only its keys, then explicit overrides."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from newsprism.errors import MESSAGES, InputError
from newsprism.settings import load_settings


def test_settings_partial_file_overrides_only_its_keys(tmp_path):
    cfg = tmp_path / "newsprism.toml"
    cfg.write_text('[ingest]\nfetch_timeout = 3.5\n', encoding="utf-8")
    settings = load_settings(cfg)
    assert settings.ingest.fetch_timeout == 3.5
    assert settings.ingest.fetch_max_bytes == load_settings(tmp_path / "absent.toml").ingest.fetch_max_bytes


def test_settings_cli_override_wins_over_file(tmp_path):
    cfg = tmp_path / "newsprism.toml"
    cfg.write_text('[group]\none_story = false\n', encoding="utf-8")
    assert load_settings(cfg, group={"one_story": True}).group.one_story is True


def test_settings_typo_in_file_is_refused(tmp_path):
    cfg = tmp_path / "newsprism.toml"
    cfg.write_text('[ingest]\nfetch_timout = 3\n', encoding="utf-8")
    with pytest.raises(ValidationError):
        load_settings(cfg)


def test_errors_carry_code_and_formatted_message():
    err = InputError("NP103", ext=".docx", supported=".txt, .html")
    assert err.code == "NP103"
    assert ".docx" in err.message and str(err).startswith("NP103")
    assert all(code.startswith("NP") for code in MESSAGES)
