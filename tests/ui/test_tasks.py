"""Background tasks: work runs in the pool, results come back on the main thread."""

from __future__ import annotations

import threading

from vrus.ui.common.tasks import BackgroundTask, running_tasks


def test_result_and_progress_arrive_on_the_main_thread(qtbot) -> None:
    seen: dict[str, object] = {}

    def work(progress):
        seen["work"] = threading.current_thread()
        progress(1, 2)
        return 42

    task = BackgroundTask(work, "test")
    task.progress.connect(
        lambda done, total: seen.setdefault("progress", threading.current_thread())
    )
    task.succeeded.connect(
        lambda result: seen.update(result=result, succeeded=threading.current_thread())
    )
    with qtbot.waitSignal(task.done, timeout=5000):
        task.start()
    assert seen["work"] is not threading.main_thread()
    assert seen["progress"] is threading.main_thread()
    assert seen["succeeded"] is threading.main_thread()
    assert seen["result"] == 42
    qtbot.waitUntil(lambda: running_tasks() == 0)


def test_failure_arrives_as_the_exception(qtbot, caplog) -> None:
    def work(_progress):
        raise ValueError("bad row")

    task = BackgroundTask(work, "failing test")
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        task.start()
    assert isinstance(blocker.args[0], ValueError)
    assert "failing test failed" in caplog.text


def test_a_handler_of_done_runs_though_nothing_else_holds_the_task(qtbot) -> None:
    """The task forgets itself when done; every handler of ``done`` must still run first."""
    calls: list[str] = []
    task = BackgroundTask(lambda _progress: None, "forgotten")
    task.done.connect(lambda: calls.append("done"))
    task.start()
    del task  # as a widget that starts a task and keeps no reference does
    qtbot.waitUntil(lambda: calls == ["done"], timeout=5000)
    assert running_tasks() == 0
