from traitlets.config.loader import PyFileConfigLoader

from rnnkit_tools import nbgrader_course, paths, release

SCORES = "student,notebook,grade_id,points,max_points\n"


def scores(tmp_path, name, rows):
    path = tmp_path / name
    path.write_text(SCORES + "".join(f"{row}\n" for row in rows))
    return nbgrader_course.read_scores(path)


def test_the_course_config_gives_nbgrader_the_kits_java_stub_and_kernel(tmp_path):
    nbgrader_course.make_course(tmp_path, [paths.SOLUTIONS / paths.START_PAGE])
    config = PyFileConfigLoader("nbgrader_config.py", path=str(tmp_path)).load_config()
    assert config.ClearSolutions.code_stub == {"java": release.CODE_STUB}
    assert config.Execute.kernel_name == paths.KERNEL_NAME and config.Execute.interrupt_on_timeout is False
    assert (tmp_path / "source" / "00-start-here" / paths.START_PAGE).read_bytes() == \
        (paths.SOLUTIONS / paths.START_PAGE).read_bytes()


def test_the_readme_shows_the_course_config_the_round_trip_uses():
    assert nbgrader_course.COURSE_CONFIG in (paths.REPO / "README.md").read_text(encoding="utf-8")


def test_equal_scores_have_no_differences_and_any_other_is_named(tmp_path):
    kit = scores(tmp_path, "kit.csv", ["ada,01-x,relu,2,2", "ada,01-x,tanh,0,3"])
    same = scores(tmp_path, "same.csv", ["ada,01-x,tanh,0.0,3.0", "ada,01-x,relu,2,2"])
    other = scores(tmp_path, "other.csv", ["ada,01-x,relu,2,2", "ada,01-x,tanh,3,3", "bo,01-x,relu,0,2"])
    assert nbgrader_course.differences(same, kit) == []
    assert nbgrader_course.differences(other, kit) == [
        "ada / 01-x / tanh: nbgrader (3.0, 3.0), ./kit grade (0.0, 3.0)",
        "bo / 01-x / relu: nbgrader (0.0, 2.0), ./kit grade nothing"]


def test_totals_add_up_each_students_notebook(tmp_path):
    kit = scores(tmp_path, "kit.csv", ["ada,01-x,relu,2,2", "ada,01-x,tanh,1,3", "ada,02-y,bptt,0,4"])
    assert nbgrader_course.totals(kit) == {("ada", "01-x"): (3.0, 5.0), ("ada", "02-y"): (0.0, 4.0)}


def test_nbgrader_exports_totals_per_student_and_assignment(tmp_path):
    export = tmp_path / "grades.csv"
    export.write_text("assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,"
                      "late_submission_penalty,score,max_score\n01-x,,,ada,,,,3.0,0.0,3.0,5.0\n")
    assert nbgrader_course.read_export(export) == {("ada", "01-x"): (3.0, 5.0)}


def test_the_table_puts_both_totals_side_by_side(tmp_path):
    kit = scores(tmp_path, "kit.csv", ["ada,01-x,relu,2,2", "ada,02-y,bptt,0,4"])
    theirs = scores(tmp_path, "nb.csv", ["ada,01-x,relu,2,2", "ada,02-y,bptt,4,4"])
    assert nbgrader_course.table(theirs, kit, ["02-y"]).splitlines()[2] == "| ada | 02-y | 4 | 0 | 4 |"
