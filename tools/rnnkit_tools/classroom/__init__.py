"""`./kit class`: the lessons as a class on one machine: JupyterHub, real Unix users, nbgrader's exchange.

What it makes (everything under /srv/rnnkit-class/<course>/ unless it is a user or a home folder):

    env/        the class's Python environment (binder/requirements.txt + tools/requirements-class.txt) on a
                Python every user can run; its share/jupyter/kernels/rnnkit is the Java kernel every user sees
    java/       the kernel's jars, the kit's launcher and a class-data archive trained in place (root-owned, read-only)
    proxy/      configurable-http-proxy from npm (tools/class-proxy/package-lock.json)
    exchange/   nbgrader's exchange: root 1777 (sticky: no student can rename the course away), the course's
                folder the instructor's: outbound 0755, inbound 2733 (write, no listing), feedback 0711
    hub/        jupyterhub_config.py, its database and secrets, the service token, passwords.csv (all 0700 root)
    lib/        as_instructor.py, run as the instructor to write nbgrader's gradebook
    class.json  what was made, so that `--down` removes exactly that

Users: one instructor and N students, made with useradd (homes 0700), with generated passwords for PAM. The
instructor's course folder is ~instructor/<course> (nbgrader's source/, release/, submitted/, feedback/,
gradebook.db). Modules: layout (names and paths), environment (Python, npm, Java), users, hub (config,
process, REST client), install (up and down), instructor (release … export), lms (the Moodle CSV).
"""
