"""Long commands show how far they are on a terminal and print nothing into CI logs."""
import io

from build_tools import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_printed_when_stderr_is_no_terminal(monkeypatch, capsys):
    assert list(progress.counted(range(60), "converting")) == list(range(60))
    progress.note("step")
    assert capsys.readouterr().err == ""


def test_a_terminal_sees_the_count_and_the_line_is_cleared(monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert list(progress.counted(range(60), "converting")) == list(range(60))
    shown = terminal.getvalue()
    assert "converting 1/60" in shown and "converting 50/60" in shown and "converting 60/60" in shown
    assert shown.endswith("\r\033[K")
