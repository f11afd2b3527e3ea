# nbgrader for every user of the class on Zero to JupyterHub (the same settings ./kit class writes for one machine).
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "rnnkit"
c.ClearSolutions.code_stub = {"java": '// YOUR CODE HERE\nthrow new UnsupportedOperationException("not implemented yet");'}
c.Execute.kernel_name = "rnnkit"
c.Execute.startup_timeout = 30
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = False
c.Exchange.root = "/srv/nbgrader/exchange"
c.ExchangeFactory.submit = "rnnkit_exchange.ExchangeSubmit"  # submissions closed to other students
