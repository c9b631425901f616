// CommandTests: placeholder.
