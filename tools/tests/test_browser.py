from rnnkit_tools.browser import problems

NOT_DONE = "AssertionFailedError: ✘ relu 0/1: not implemented yet. Replace the throw statement"


def result(**fields):
    base = {"ranAll": True, "errors": [], "stderr": 0, "visibleImages": 2}
    base.update(fields)
    return base


def test_a_student_page_with_only_not_implemented_checks_passes():
    assert problems(result(errors=[NOT_DONE]), chart_cells=2, exercise_checks=1) == []


def test_any_other_error_fails():
    found = problems(result(errors=[NOT_DONE, "CompilerException: cannot find symbol"]), 2, 1)
    assert found == ["error shown: CompilerException: cannot find symbol"]


def test_a_check_that_does_not_fail_in_the_student_version_is_reported():
    assert problems(result(), 2, 1) == ["0 exercise checks show 'not implemented yet', 1 expected"]


def test_missing_images_and_unfinished_runs_are_reported():
    found = problems(result(ranAll=False, visibleImages=1), 2, 0)
    assert found == ["not every code cell ran", "1 images visible, 2 charts expected"]


def test_a_page_that_never_loaded_reports_only_why():
    assert problems(result(problem="the kernel was not ready after 4 starts"), 2, 1) == [
        "the kernel was not ready after 4 starts"]
