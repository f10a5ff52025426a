"""Manifest validation: each mistake a contributor can make is reported clearly."""

from __future__ import annotations

import pytest

from asyncdocs.manifest import ManifestError, load_folder


def folder_with(tmp_path, toml: str, files=("demo.py",)):
    for name in files:
        (tmp_path / name).write_text('print("hi")\n')
    if toml is not None:
        (tmp_path / "snippets.toml").write_text(toml)
    return tmp_path


def test_a_good_entry_loads(tmp_path):
    (snippet,) = load_folder(folder_with(tmp_path, '["demo.py"]\nbrowser = true\n'), tmp_path)
    assert snippet.browser and snippet.timeout == 10.0 and snippet.rel == "demo.py"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (None, "no snippets.toml"),
        ('["other.py"]\nbrowser = true\n', "no entry for ['demo.py']"),
        ('["demo.py"]\nbrowser = true\n["gone.py"]\nbrowser = true\n', "do not exist"),
        ('["demo.py"]\n', "`browser = true|false` is required"),
        ('["demo.py"]\nbrowser = true\nrasies = "ValueError"\n', "unknown keys ['rasies']"),
        ('["demo.py"]\nbrowser = false\nneeds = ["gpu"]\n', "unknown needs ['gpu']"),
        ('["demo.py"]\nbrowser = true\nneeds = ["threads"]\n', "cannot run in the browser"),
        ('["demo.py"]\nbrowser = false\nstdin = "x"\n', 'must list "stdin"'),
        ('["demo.py"]\nbrowser = false\npython = "3.13"\n', "must be `browser = true`"),
        ('["demo.py"]\nbrowser = true\npython = "three"\n', "must look like '3.12'"),
        ('["demo.py"\nbrowser = true\n', "snippets.toml"),
        ('["demo.py"]\nbrowser = false\nservices = ["demo.py"]\n', "another file of this folder"),
        ('["demo.py"]\nbrowser = false\nclients = ["nope.py"]\n', "another file of this folder"),
        ('["demo.py"]\nbrowser = false\nneeds = ["signals"]\nsignals = ["SIGNOPE"]\n', "SIGNOPE"),
        ('["demo.py"]\nbrowser = false\nsignals = ["SIGINT"]\n', 'must list "signals"'),
        ('["demo.py"]\nbrowser = false\nneeds = ["network"]\nbackends = ["mongo"]\n', "mongo"),
        ('["demo.py"]\nbrowser = false\nbackends = ["redis"]\n', 'must list "network"'),
    ],
)
def test_mistakes_are_reported(tmp_path, toml, message):
    with pytest.raises(ManifestError) as err:
        load_folder(folder_with(tmp_path, toml), tmp_path)
    assert message in str(err.value)
