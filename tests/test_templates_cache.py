"""The theme's templates are compiled by the first build only (``mkdocs_glue/templates``)."""
from __future__ import annotations

from types import SimpleNamespace

import jinja2

from build_tools.mkdocs_glue import templates


def test_a_later_build_does_not_compile_the_templates_again(tmp_path, monkeypatch):
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    sources = {"page.html": "<h1>{{ title }}</h1>"}
    compiled = []
    original = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, source, *args, **kwargs: compiled.append(source) or original(self, source, *args, **kwargs))
    for build in range(3):  # each build makes its own environment, as MkDocs does
        env = templates.on_env(jinja2.Environment(loader=jinja2.DictLoader(sources)), config, files=None)
        assert env.get_template("page.html").render(title="通知") == "<h1>通知</h1>"
    assert compiled == ["<h1>{{ title }}</h1>"]
    assert list((tmp_path / ".cache" / "jinja").iterdir())
    # An edited template is compiled again, and rendered as edited.
    sources["page.html"] = "<h2>{{ title }}</h2>"
    env = templates.on_env(jinja2.Environment(loader=jinja2.DictLoader(sources)), config, files=None)
    assert env.get_template("page.html").render(title="通知") == "<h2>通知</h2>"
    assert len(compiled) == 2
