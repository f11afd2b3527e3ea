"""nbgrader's submit, with the submission closed to the other students (installed into the class's environment
and chosen by its nbgrader_config.py: c.ExchangeFactory.submit = "rnnkit_exchange.ExchangeSubmit").

nbgrader's own submit leaves the submitted folder world-writable (0777) and its files world-readable (0644):
only the random part of the folder's name, in an inbound folder nobody but the instructor can list, keeps
other students out (jupyter/nbgrader #978, #1225). Here the student's process, which owns the copy, then
closes its folders to everyone but itself and their group (0770). inbound is set-group-id, so the folders
nbgrader makes there belong to the instructor's group: the instructor still enters, reads and removes them;
another student cannot enter them, even knowing the name. The files keep nbgrader's modes: two of them
(timestamp.txt, submission_secret.txt) are written after copytree has copied the source folder's mode over
the set-group-id bit, so they are in the student's own group and the instructor reads them as "other".
Standard library and nbgrader only: it runs in every user's server."""
import os

from nbgrader.exchange.default.submit import ExchangeSubmit as NbgraderSubmit

FOLDER_MODE = 0o770


class ExchangeSubmit(NbgraderSubmit):

    def copy_files(self):
        super().copy_files()
        submitted = os.path.join(self.inbound_path, self.assignment_filename)
        for folder, folders, _ in os.walk(submitted, topdown=False):
            for name in folders:
                os.chmod(os.path.join(folder, name), FOLDER_MODE)
        os.chmod(submitted, FOLDER_MODE)
