"""nbgrader's submit, with the submission closed to the other students (installed into the class's environment
and chosen by its nbgrader_config.py: c.ExchangeFactory.submit = "rnnkit_exchange.ExchangeSubmit").

nbgrader's own submit leaves the submitted folder world-writable (0777) and its files world-readable (0644):
only the random part of the folder's name, in an inbound folder nobody but the instructor can list, keeps
other students out (jupyter/nbgrader #978, #1225). Here the student's process, which owns the copy, then
closes it: folders 2770, files 0640. inbound is set-group-id, so the copy belongs to the instructor's group,
and the instructor still reads and removes it; another student can no longer, even knowing the name.
Standard library and nbgrader only: it runs in every user's server."""
import os

from nbgrader.exchange.default.submit import ExchangeSubmit as NbgraderSubmit

FOLDER_MODE = 0o2770
FILE_MODE = 0o640


class ExchangeSubmit(NbgraderSubmit):

    def copy_files(self):
        super().copy_files()
        submitted = os.path.join(self.inbound_path, self.assignment_filename)
        for folder, folders, files in os.walk(submitted, topdown=False):
            for name in files:
                os.chmod(os.path.join(folder, name), FILE_MODE)
            for name in folders:
                os.chmod(os.path.join(folder, name), FOLDER_MODE)
        os.chmod(submitted, FOLDER_MODE)
