"""The commands behind checker/cli.py, one module per command or group: each takes the parsed options, builds
the run's Options with checker/commands/options.py, calls the library and returns an exit code. The Typer
declarations stay in checker/cli.py; the one error guard around the app is checker/commands/guard.py."""
